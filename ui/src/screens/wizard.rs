//! "Book an appointment": what you need, what to bring, when and where, who, a mediator,
//! review, receipt. Every step keeps what was entered when going back; the hold is released
//! when the person leaves. With the server out of reach, the slots offered are the seats this
//! kiosk holds leases on, booked offline with the kiosk's own receipt.

use crate::app::{StatusContext, use_lang};
use crate::backend;
use crate::components::back_button::BackButton;
use crate::{format, t};
use sportello_core::Lang;
use sportello_core::booking::{ConfirmRequest, ExistingBooking, Hold, HoldRequest};
use sportello_core::identity::{FieldError, FieldProblem, Identity, Person, country_codes};
use sportello_core::kiosk::{
    BookOutcome, CommandError, HoldOutcome, SlotChoice, SlotList, SlotSource,
};
use sportello_core::model::{Office, Procedure, ProcedureCategory};
use sportello_core::search::fold;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Procedure,
    Documents,
    Slot,
    Person,
    Mediator,
    Review,
    Receipt,
}

/// The seat chosen: held on the server, or a leased one to book offline.
#[derive(Debug, Clone, PartialEq)]
enum Chosen {
    Held(Hold),
    Leased(SlotChoice),
}

impl Chosen {
    fn office_id(&self) -> &str {
        match self {
            Chosen::Held(hold) => &hold.office_id,
            Chosen::Leased(slot) => &slot.office_id,
        }
    }

    fn start(&self) -> i64 {
        match self {
            Chosen::Held(hold) => hold.start.as_second(),
            Chosen::Leased(slot) => slot.start.as_second(),
        }
    }
}

/// The person's details as typed.
#[derive(Debug, Clone, Default, PartialEq)]
struct PersonForm {
    given_names: String,
    surname: String,
    date_of_birth: String,
    nationality: String,
    /// What is typed to narrow the list of countries (any script: names are matched in the
    /// person's language, in Italian, and by ISO code).
    nationality_search: String,
    document_kind: String,
    document_number: String,
    phone: String,
}

impl PersonForm {
    /// The person, or the fields at fault.
    fn person(&self) -> Result<Person, Vec<FieldError>> {
        let missing = |field: &str| FieldError {
            field: format!("person.{field}"),
            problem: FieldProblem::Missing,
        };
        // An unreadable date is one problem among the others, all shown at once.
        let parsed_date = format::parse_date(&self.date_of_birth);
        let date_of_birth = parsed_date.unwrap_or(jiff::civil::date(1990, 1, 1));
        let number = self.document_number.trim().to_owned();
        let identity = match self.document_kind.as_str() {
            "codice_fiscale" => Identity::CodiceFiscale { code: number },
            "residence_permit" => Identity::ResidencePermit { number },
            _ => Identity::Passport { number },
        };
        let person = Person {
            given_names: self.given_names.clone(),
            surname: self.surname.clone(),
            date_of_birth,
            nationality: self.nationality.clone(),
            identity,
            phone: Some(self.phone.trim().to_owned()).filter(|phone| !phone.is_empty()),
        };
        // jiff's own clock is not available in the browser: the page's is.
        let now = jiff::Timestamp::from_millisecond(js_sys::Date::now() as i64)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let today = sportello_core::calendar::local_date(now);
        match (person.validated(today), parsed_date) {
            (Ok(person), Some(_)) => Ok(person),
            (Ok(_), None) => Err(vec![missing("date_of_birth")]),
            (Err(mut fields), None) => {
                fields.push(missing("date_of_birth"));
                Err(fields)
            }
            (Err(fields), Some(_)) => Err(fields),
        }
    }
}

/// What was booked, for the receipt screen.
#[derive(Debug, Clone, PartialEq)]
struct Receipt {
    code: String,
    token: String,
    office_id: String,
    start: i64,
    offline: bool,
}

/// Something to tell the person, in their language, with the way forward.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    Taken,
    Offline,
    AlreadyBooked(ExistingBooking),
    HoldExpired,
    LeaseGone,
    Pending,
    NotEnrolled,
    Failed,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Draft {
    procedure: Option<Procedure>,
    ticked: BTreeSet<usize>,
    slots: Option<SlotList>,
    chosen: Option<Chosen>,
    person: PersonForm,
    errors: Vec<FieldError>,
    mediator: Option<String>,
    notice: Option<Notice>,
    busy: bool,
    receipt: Option<Receipt>,
    printer: bool,
    /// Where phones open receipts (the server's `/r/`); the QR code is this and the token.
    receipt_url: String,
    printed: Option<Printed>,
}

/// What became of a print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Printed {
    Done,
    OutOfPaper,
    Failed,
}

impl Draft {
    /// A field being corrected no longer says what was wrong with it.
    fn corrected(&mut self, field: &str) {
        let prefix = format!("person.{field}");
        self.errors
            .retain(|error| !error.field.starts_with(&prefix));
    }
}

/// A change to the draft. Applied to the draft as it is when the change lands, not as it was
/// when the callback was made: answers from the backend arrive after other changes.
struct Change(Box<dyn Fn(&mut Draft)>);

impl Reducible for Draft {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        (change.0)(&mut next);
        Rc::new(next)
    }
}

/// How steps change the draft.
type Update = Callback<Box<dyn Fn(&mut Draft)>>;

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

fn category_title(category: ProcedureCategory) -> String {
    match category {
        ProcedureCategory::StayPermit => t!("category-stay-permit"),
        ProcedureCategory::Family => t!("category-family"),
        ProcedureCategory::Work => t!("category-work"),
        ProcedureCategory::Citizenship => t!("category-citizenship"),
        ProcedureCategory::Protection => t!("category-protection"),
        ProcedureCategory::Integration => t!("category-integration"),
    }
}

fn procedure_step(
    procedures: &[Procedure],
    query: &UseStateHandle<String>,
    lang: Lang,
    update: &Update,
    go: &Callback<Step>,
) -> Html {
    let needle = query.to_lowercase();
    let matches = |procedure: &Procedure| {
        needle.is_empty()
            || procedure
                .name
                .resolve(lang)
                .text
                .to_lowercase()
                .contains(&needle)
            || procedure
                .summary
                .resolve(lang)
                .text
                .to_lowercase()
                .contains(&needle)
    };
    let on_search = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            query.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let groups = ProcedureCategory::ALL.into_iter().filter_map(|category| {
        let listed: Vec<&Procedure> = procedures
            .iter()
            .filter(|procedure| procedure.category == category && matches(procedure))
            .collect();
        (!listed.is_empty()).then(|| {
            html! {
                <section class="procedure-group" data-category={category.as_str()}>
                    <h2>{ category_title(category) }</h2>
                    <ul class="choices">
                        { for listed.into_iter().map(|procedure| {
                            let chosen = procedure.clone();
                            let pick = {
                                let update = update.clone();
                                let go = go.clone();
                                Callback::from(move |_: MouseEvent| {
                                    let chosen = chosen.clone();
                                    update.emit(Box::new(move |draft: &mut Draft| {
                                        if draft.procedure.as_ref().map(|p| &p.id) != Some(&chosen.id) {
                                            draft.ticked.clear();
                                            draft.slots = None;
                                        }
                                        draft.procedure = Some(chosen.clone());
                                        draft.notice = None;
                                    }));
                                    go.emit(Step::Documents);
                                })
                            };
                            let name = procedure.name.resolve(lang);
                            let summary = procedure.summary.resolve(lang);
                            html! {
                                <li>
                                    <button class="choice procedure-choice" data-procedure-id={procedure.id.clone()} onclick={pick}>
                                        <bdi class="choice-title" lang={name.lang.code()}>{ name.text }</bdi>
                                        <bdi class="choice-hint" lang={summary.lang.code()}>{ summary.text }</bdi>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
        })
    });
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-what") }</h2>
            <input class="search" id="procedure-search" type="search" value={(**query).clone()}
                   placeholder={t!("wizard-search")} oninput={on_search} />
            { for groups }
        </>
    }
}

fn documents_step(draft: &Draft, lang: Lang, update: &Update, go: &Callback<Step>) -> Html {
    let Some(procedure) = &draft.procedure else {
        return html! {};
    };
    let next = go.reform(|_: MouseEvent| Step::Slot);
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-bring") }</h2>
            <p class="notice">{ t!("wizard-bring-hint") }</p>
            <ul class="checklist">
                { for procedure.documents.iter().enumerate().map(|(index, document)| {
                    let text = document.resolve(lang);
                    let toggle = {
                        let update = update.clone();
                        Callback::from(move |_: Event| {
                            update.emit(Box::new(move |draft: &mut Draft| {
                                if !draft.ticked.remove(&index) {
                                    draft.ticked.insert(index);
                                }
                            }));
                        })
                    };
                    html! {
                        <li>
                            <label class="check">
                                <input type="checkbox" checked={draft.ticked.contains(&index)} onchange={toggle} />
                                <bdi lang={text.lang.code()}>{ text.text }</bdi>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            <button class="primary" id="next" onclick={next}>{ t!("wizard-next") }</button>
        </>
    }
}

fn slot_step(
    draft: &Draft,
    lang: Lang,
    office_name: &dyn Fn(&str) -> String,
    update: &Update,
    go: &Callback<Step>,
) -> Html {
    let Some(procedure) = draft.procedure.clone() else {
        return html! {};
    };
    let Some(slots) = &draft.slots else {
        return html! { <p class="notice">{ "…" }</p> };
    };
    if slots.slots.is_empty() {
        return html! { <p class="notice" id="no-slots">{ t!("wizard-no-slots") }</p> };
    }
    let choose = |slot: SlotChoice| {
        let update = update.clone();
        let go = go.clone();
        let procedure_id = procedure.id.clone();
        Callback::from(move |_: MouseEvent| {
            if slot.lease_id.is_some() {
                let slot = slot.clone();
                update.emit(Box::new(move |draft: &mut Draft| {
                    draft.chosen = Some(Chosen::Leased(slot.clone()));
                    draft.notice = None;
                }));
                go.emit(Step::Person);
                return;
            }
            let request = HoldRequest {
                procedure_id: procedure_id.clone(),
                office_id: slot.office_id.clone(),
                start: slot.start,
            };
            let update = update.clone();
            let go = go.clone();
            update.emit(Box::new(|draft: &mut Draft| draft.busy = true));
            spawn_local(async move {
                let outcome = backend::hold_slot(&request).await;
                let held = matches!(outcome, Ok(HoldOutcome::Held { .. }));
                update.emit(Box::new(move |draft: &mut Draft| {
                    draft.busy = false;
                    match &outcome {
                        Ok(HoldOutcome::Held { hold }) => {
                            draft.chosen = Some(Chosen::Held(hold.clone()));
                            draft.notice = None;
                        }
                        Ok(HoldOutcome::Taken { alternatives }) => {
                            draft.slots = Some(SlotList {
                                source: SlotSource::Live,
                                slots: alternatives.iter().cloned().map(SlotChoice::from).collect(),
                            });
                            draft.notice = Some(Notice::Taken);
                        }
                        Ok(HoldOutcome::Offline { leased }) => {
                            draft.slots = Some(SlotList {
                                source: SlotSource::Leased,
                                slots: leased.clone(),
                            });
                            draft.notice = Some(Notice::Offline);
                        }
                        Err(backend::BackendError::Command(CommandError::NotEnrolled)) => {
                            draft.notice = Some(Notice::NotEnrolled);
                        }
                        Ok(HoldOutcome::Refused { .. }) | Err(_) => {
                            draft.slots = None;
                            draft.notice = Some(Notice::Failed);
                        }
                    }
                }));
                if held {
                    go.emit(Step::Person);
                }
            });
        })
    };
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-when") }</h2>
            <ul class="choices slots" data-source={if slots.source == SlotSource::Live { "live" } else { "leased" }}>
                { for slots.slots.iter().take(30).map(|slot| html! {
                    <li>
                        <button class="choice slot-choice" disabled={draft.busy}
                                data-start={slot.start.to_string()} onclick={choose(slot.clone())}>
                            <span class="choice-title">{ format::long_day_and_time(slot.start.as_second(), lang) }</span>
                            <bdi class="choice-hint" lang="it">{ office_name(&slot.office_id) }</bdi>
                        </button>
                    </li>
                }) }
            </ul>
        </>
    }
}

fn field_message(problem: FieldProblem) -> String {
    match problem {
        FieldProblem::Missing => t!("field-missing"),
        FieldProblem::TooLong => t!("field-too-long"),
        FieldProblem::NotLatin => t!("field-not-latin"),
        FieldProblem::ImplausibleDate => t!("field-bad-date"),
        FieldProblem::UnknownCountry => t!("field-unknown-country"),
        FieldProblem::BadFormat | FieldProblem::BadCheckCharacter => t!("field-bad-format"),
    }
}

fn person_step(draft: &Draft, lang: Lang, update: &Update, go: &Callback<Step>) -> Html {
    let form = &draft.person;
    let error = |field: &str| {
        draft
            .errors
            .iter()
            .find(|error| error.field.starts_with(&format!("person.{field}")))
            .map(|error| html! { <span class="field-error" role="alert">{ field_message(error.problem) }</span> })
    };
    let input = |field: &'static str, value: &str, label: String, kind: &'static str| {
        let update = update.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            update.emit(Box::new(move |draft: &mut Draft| {
                let form = &mut draft.person;
                let slot = match field {
                    "given_names" => &mut form.given_names,
                    "surname" => &mut form.surname,
                    "date_of_birth" => &mut form.date_of_birth,
                    "document_number" => &mut form.document_number,
                    "nationality_search" => &mut form.nationality_search,
                    _ => &mut form.phone,
                };
                *slot = value.clone();
                draft.corrected(field);
            }));
        });
        html! {
            <label class="field">
                <span class="field-label">{ label }</span>
                // Names and numbers are typed in Latin script, left to right, whatever the
                // language of the screen.
                <input id={format!("person-{field}")} type={kind} value={value.to_owned()} {oninput}
                       autocomplete="off" dir="ltr" inputmode="none"
                       placeholder={(field == "date_of_birth").then(|| t!("date-placeholder"))} />
                { error(field).unwrap_or_default() }
            </label>
        }
    };
    let select =
        |field: &'static str, value: &str, label: String, options: Vec<(String, String)>| {
            let update = update.clone();
            let onchange = Callback::from(move |event: Event| {
                let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                update.emit(Box::new(move |draft: &mut Draft| {
                    if field == "nationality" {
                        draft.person.nationality = value.clone();
                    } else {
                        draft.person.document_kind = value.clone();
                    }
                    draft.corrected(field);
                }));
            });
            html! {
                <label class="field">
                    <span class="field-label">{ label }</span>
                    <select id={format!("person-{field}")} {onchange}>
                        <option value="" selected={value.is_empty()}>{ "—" }</option>
                        { for options.into_iter().map(|(code, name)| html! {
                            <option value={code.clone()} selected={code == value}>{ name }</option>
                        }) }
                    </select>
                    { error(field).unwrap_or_default() }
                </label>
            }
        };
    let search = fold(&form.nationality_search);
    let mut countries: Vec<(String, String)> = country_codes()
        .into_iter()
        .filter(|code| {
            search.is_empty()
                || *code == form.nationality
                || fold(code) == search
                || fold(&format::country_name(code, lang)).contains(&search)
                || fold(&format::country_name(code, Lang::It)).contains(&search)
        })
        .map(|code| (code.to_owned(), format::country_name(code, lang)))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let search_input = {
        let update = update.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            update.emit(Box::new(move |draft: &mut Draft| {
                draft.person.nationality_search = value.clone();
                // One country left: it is the one meant.
                let search = fold(&value);
                let matches: Vec<&str> = country_codes()
                    .into_iter()
                    .filter(|code| {
                        !search.is_empty()
                            && (fold(&format::country_name(code, lang)).contains(&search)
                                || fold(&format::country_name(code, Lang::It)).contains(&search))
                    })
                    .collect();
                if let [only] = matches.as_slice() {
                    draft.person.nationality = (*only).to_owned();
                }
            }));
        })
    };
    let documents = vec![
        ("passport".to_owned(), t!("document-passport")),
        (
            "residence_permit".to_owned(),
            t!("document-residence-permit"),
        ),
        ("codice_fiscale".to_owned(), t!("document-codice-fiscale")),
    ];
    let next = {
        let update = update.clone();
        let go = go.clone();
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let checked = form.person();
            let ok = checked.is_ok();
            update.emit(Box::new(move |draft: &mut Draft| {
                draft.errors = checked.clone().err().unwrap_or_default();
            }));
            if ok {
                go.emit(Step::Mediator);
            }
        })
    };
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-who") }</h2>
            <p class="notice">{ t!("wizard-latin-hint") }</p>
            <div class="form">
                { input("given_names", &form.given_names, t!("person-given-names"), "text") }
                { input("surname", &form.surname, t!("person-surname"), "text") }
                // Typed on the on-screen keyboard: a date picker is no use on a kiosk.
                { input("date_of_birth", &form.date_of_birth, t!("person-date-of-birth"), "text") }
                <label class="field">
                    <span class="field-label">{ t!("person-nationality-search") }</span>
                    // In the person's own script: the keyboard offers their layout here.
                    <input id="person-nationality_search" type="search" value={form.nationality_search.clone()}
                           oninput={search_input} autocomplete="off" inputmode="none" />
                </label>
                { select("nationality", &form.nationality, t!("person-nationality"), countries) }
                { select("document_kind", &form.document_kind, t!("person-document"), documents) }
                { input("document_number", &form.document_number, t!("person-document-number"), "text") }
                { input("phone", &form.phone, t!("person-phone"), "tel") }
            </div>
            <button class="primary" id="next" onclick={next}>{ t!("wizard-next") }</button>
        </>
    }
}

fn mediator_step(draft: &Draft, update: &Update, go: &Callback<Step>) -> Html {
    let recommended = draft
        .procedure
        .as_ref()
        .is_some_and(|procedure| procedure.mediator_recommended);
    let choose = |language: Option<&'static str>| {
        let update = update.clone();
        let go = go.clone();
        Callback::from(move |_: MouseEvent| {
            update.emit(Box::new(move |draft: &mut Draft| {
                draft.mediator = language.map(str::to_owned);
            }));
            go.emit(Step::Review);
        })
    };
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-mediator") }</h2>
            if recommended {
                <p class="notice">{ t!("mediator-recommended") }</p>
            }
            <ul class="choices">
                <li><button class="choice" id="mediator-none" onclick={choose(None)}>{ t!("wizard-mediator-none") }</button></li>
                { for Lang::ALL.into_iter().filter(|lang| *lang != Lang::It).map(|lang| html! {
                    <li>
                        <button class="choice mediator-choice" data-lang={lang.code()} onclick={choose(Some(lang.code()))}>
                            { t!("wizard-mediator-in", language = lang.native_name()) }
                        </button>
                    </li>
                }) }
            </ul>
        </>
    }
}

fn review_step(
    draft: &Draft,
    lang: Lang,
    office_name: &dyn Fn(&str) -> String,
    update: &Update,
    go: &Callback<Step>,
) -> Html {
    let (Some(procedure), Some(chosen)) = (&draft.procedure, &draft.chosen) else {
        return html! {};
    };
    let confirm = {
        let update = update.clone();
        let go = go.clone();
        let chosen = chosen.clone();
        let form = draft.person.clone();
        let mediator = draft.mediator.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(person) = form.person() else {
                go.emit(Step::Person);
                return;
            };
            let update = update.clone();
            let go = go.clone();
            let chosen = chosen.clone();
            let mediator = mediator.clone();
            update.emit(Box::new(|draft: &mut Draft| draft.busy = true));
            spawn_local(async move {
                let mut outcome = match &chosen {
                    Chosen::Held(hold) => {
                        let request = ConfirmRequest {
                            person,
                            mediator_language: mediator,
                        };
                        backend::confirm_booking(hold, &request).await
                    }
                    Chosen::Leased(slot) => {
                        backend::book_leased(
                            slot.lease_id.as_deref().unwrap_or_default(),
                            &person,
                            mediator.as_deref(),
                        )
                        .await
                    }
                };
                // The link dropped after sending: the answer comes when it is back.
                while let Ok(BookOutcome::Pending { outbox_id }) = outcome {
                    update.emit(Box::new(|draft: &mut Draft| {
                        draft.notice = Some(Notice::Pending)
                    }));
                    yew::platform::time::sleep(std::time::Duration::from_secs(2)).await;
                    outcome = backend::booking_outcome(outbox_id).await;
                }
                let next = match &outcome {
                    Ok(BookOutcome::Booked { .. } | BookOutcome::BookedOffline { .. }) => {
                        Step::Receipt
                    }
                    Ok(BookOutcome::Invalid { .. }) => Step::Person,
                    Ok(BookOutcome::HoldExpired | BookOutcome::LeaseGone { .. }) => Step::Slot,
                    _ => Step::Review,
                };
                update.emit(Box::new(move |draft: &mut Draft| {
                    draft.busy = false;
                    draft.notice = None;
                    match &outcome {
                        Ok(BookOutcome::Booked { booking }) => {
                            draft.receipt = Some(Receipt {
                                code: booking.code.clone(),
                                token: booking.receipt.clone().unwrap_or_default(),
                                office_id: booking.office_id.clone(),
                                start: booking.start.as_second(),
                                offline: false,
                            });
                        }
                        Ok(BookOutcome::BookedOffline {
                            code,
                            receipt,
                            office_id,
                            start,
                            ..
                        }) => {
                            draft.receipt = Some(Receipt {
                                code: code.clone(),
                                token: receipt.clone(),
                                office_id: office_id.clone(),
                                start: start.as_second(),
                                offline: true,
                            });
                        }
                        Ok(BookOutcome::AlreadyBooked { existing }) => {
                            draft.notice = Some(Notice::AlreadyBooked(existing.clone()));
                        }
                        Ok(BookOutcome::Invalid { fields }) => draft.errors = fields.clone(),
                        Ok(BookOutcome::HoldExpired) => {
                            draft.chosen = None;
                            draft.slots = None;
                            draft.notice = Some(Notice::HoldExpired);
                        }
                        Ok(BookOutcome::LeaseGone { leased }) => {
                            draft.chosen = None;
                            draft.slots = Some(SlotList {
                                source: SlotSource::Leased,
                                slots: leased.clone(),
                            });
                            draft.notice = Some(Notice::LeaseGone);
                        }
                        Err(backend::BackendError::Command(CommandError::NotEnrolled)) => {
                            draft.notice = Some(Notice::NotEnrolled);
                        }
                        _ => draft.notice = Some(Notice::Failed),
                    }
                }));
                go.emit(next);
            });
        })
    };
    let name = procedure.name.resolve(lang);
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-review") }</h2>
            <dl class="review">
                <dt>{ t!("receipt-procedure") }</dt>
                <dd><bdi lang={name.lang.code()}>{ name.text }</bdi></dd>
                <dt>{ t!("receipt-when") }</dt>
                <dd id="review-when">{ format::long_day_and_time(chosen.start(), lang) }</dd>
                <dt>{ t!("receipt-where") }</dt>
                <dd><bdi lang="it">{ office_name(chosen.office_id()) }</bdi></dd>
                <dt>{ t!("receipt-person") }</dt>
                <dd id="review-person"><bdi lang="it">{ format!("{} {}", draft.person.given_names, draft.person.surname) }</bdi></dd>
            </dl>
            <button class="primary" id="confirm" disabled={draft.busy} onclick={confirm}>{ t!("wizard-confirm") }</button>
        </>
    }
}

/// The receipt's lines for the printer: in Italian, then in the person's language (the
/// printer leaves out what its characters cannot show; the screen shows everything).
fn printed_lines(draft: &Draft, lang: Lang, offices: &[Office]) -> Vec<(String, String)> {
    let (Some(receipt), Some(procedure)) = (&draft.receipt, &draft.procedure) else {
        return Vec::new();
    };
    let office = offices.iter().find(|office| office.id == receipt.office_id);
    let place = office.map_or_else(
        || receipt.office_id.clone(),
        |office| format!("{}, {}", office.name, office.address.one_line()),
    );
    let mut languages = vec![Lang::It];
    if lang != Lang::It {
        languages.push(lang);
    }
    let mut lines = Vec::new();
    for language in languages {
        let label = |id: &str| {
            if language == Lang::It {
                crate::i18n::italian(id)
            } else {
                crate::i18n::loader().get(id)
            }
        };
        lines.push((
            label("receipt-procedure"),
            procedure.name.resolve(language).text.to_owned(),
        ));
        lines.push((
            label("receipt-when"),
            format::long_day_and_time(receipt.start, language),
        ));
        lines.push((label("receipt-where"), place.clone()));
        let documents: Vec<&str> = procedure
            .documents
            .iter()
            .map(|document| document.resolve(language).text)
            .collect();
        lines.push((label("receipt-bring"), documents.join("; ")));
        if let Some(mediator) = &draft.mediator {
            lines.push((label("wizard-mediator"), mediator.clone()));
        }
        lines.push((label("receipt-cancel-how"), label("manage-hint")));
    }
    lines
}

fn receipt_step(
    draft: &Draft,
    lang: Lang,
    office_name: &dyn Fn(&str) -> String,
    leave: &Callback<()>,
    update: &Update,
    offices: &[Office],
) -> Html {
    let (Some(receipt), Some(procedure)) = (&draft.receipt, &draft.procedure) else {
        return html! {};
    };
    let name = procedure.name.resolve(lang);
    let finish = leave.reform(|_: MouseEvent| ());
    let qr = format!("{}{}", draft.receipt_url, receipt.token);
    let print = {
        let printed = sportello_core::kiosk::PrintedReceipt {
            code: receipt.code.clone(),
            qr: qr.clone(),
            lines: printed_lines(draft, lang, offices),
        };
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            let printed = printed.clone();
            let update = update.clone();
            spawn_local(async move {
                let outcome = match backend::print_receipt(&printed).await {
                    Ok(()) => Printed::Done,
                    Err(backend::BackendError::Command(CommandError::PrinterOutOfPaper)) => {
                        Printed::OutOfPaper
                    }
                    Err(_) => Printed::Failed,
                };
                update.emit(Box::new(move |draft: &mut Draft| {
                    draft.printed = Some(outcome)
                }));
            });
        })
    };
    html! {
        <div class="receipt" id="receipt">
            <p class="receipt-done">{ t!("receipt-done") }</p>
            <p class="receipt-code-label">{ t!("receipt-code") }</p>
            <p class="receipt-code" id="receipt-code">{ &receipt.code }</p>
            <div class="qr" id="receipt-qr" data-token={receipt.token.clone()} data-qr={qr.clone()}>{ crate::components::qr::qr_svg(&qr) }</div>
            <dl class="review">
                <dt>{ t!("receipt-procedure") }</dt>
                <dd><bdi lang={name.lang.code()}>{ name.text }</bdi></dd>
                <dt>{ t!("receipt-when") }</dt>
                <dd>{ format::long_day_and_time(receipt.start, lang) }</dd>
                <dt>{ t!("receipt-where") }</dt>
                <dd><bdi lang="it">{ office_name(&receipt.office_id) }</bdi></dd>
                <dt>{ t!("receipt-bring") }</dt>
                <dd>
                    <ul>
                        { for procedure.documents.iter().map(|document| {
                            let text = document.resolve(lang);
                            html! { <li><bdi lang={text.lang.code()}>{ text.text }</bdi></li> }
                        }) }
                    </ul>
                </dd>
                if let Some(mediator) = &draft.mediator {
                    <dt>{ t!("wizard-mediator") }</dt>
                    <dd>{ mediator.parse::<Lang>().map(|l| l.native_name().to_owned()).unwrap_or_else(|_| mediator.clone()) }</dd>
                }
            </dl>
            if receipt.offline {
                <p class="notice">{ t!("receipt-offline") }</p>
            }
            <p class="notice">{ t!("receipt-photo") }</p>
            { match draft.printed {
                Some(Printed::Done) => html! { <p class="notice" id="printed" role="status">{ t!("receipt-printed") }</p> },
                Some(Printed::OutOfPaper) => html! { <p class="notice error" id="print-failed" role="alert">{ t!("receipt-print-no-paper") }</p> },
                Some(Printed::Failed) => html! { <p class="notice error" id="print-failed" role="alert">{ t!("receipt-print-failed") }</p> },
                None => html! {},
            } }
            <div class="actions">
                if draft.printer {
                    <button class="primary" id="print" onclick={print}>{ t!("receipt-print") }</button>
                }
                <button class="primary" id="finish" onclick={finish}>{ t!("receipt-finish") }</button>
            </div>
        </div>
    }
}

fn notice_view(notice: &Notice, lang: Lang, office_name: &dyn Fn(&str) -> String) -> Html {
    let text = match notice {
        Notice::Taken => t!("error-slot-taken"),
        Notice::Offline => t!("notice-offline-leases"),
        Notice::AlreadyBooked(existing) => match (existing.start, &existing.office_id) {
            (Some(start), Some(office)) => t!(
                "error-already-booked-at",
                when = format::long_day_and_time(start.as_second(), lang),
                office = office_name(office)
            ),
            _ => t!("error-already-booked"),
        },
        Notice::HoldExpired => t!("error-hold-expired"),
        Notice::LeaseGone => t!("error-lease-gone"),
        Notice::Pending => t!("notice-pending"),
        Notice::NotEnrolled => t!("kiosk-not-enrolled"),
        Notice::Failed => t!("error-unexpected"),
    };
    let class = if matches!(notice, Notice::Offline | Notice::Pending) {
        "notice"
    } else {
        "notice error"
    };
    html! { <p class={class} id="wizard-notice" role="alert">{ text }</p> }
}

#[derive(Properties, PartialEq)]
struct CountdownProps {
    until: i64,
}

/// The minutes left on the hold, always in sight while the person types.
#[function_component]
fn Countdown(props: &CountdownProps) -> Html {
    let now = use_state(|| (js_sys::Date::now() / 1000.0) as i64);
    {
        let now = now.setter();
        use_effect_with((), move |()| {
            let alive = std::rc::Rc::new(std::cell::Cell::new(true));
            let running = alive.clone();
            spawn_local(async move {
                while running.get() {
                    yew::platform::time::sleep(std::time::Duration::from_secs(1)).await;
                    now.set((js_sys::Date::now() / 1000.0) as i64);
                }
            });
            move || alive.set(false)
        });
    }
    let left = (props.until - *now).max(0);
    html! {
        <p class="countdown" id="countdown" aria-live="off">
            // One placeable: minutes and seconds must not be reordered in a right-to-left line.
            { t!("wizard-hold-left", time = format!("{}:{:02}", left / 60, left % 60)) }
        </p>
    }
}
