//! The staff's workspace: which office and day, the three tabs (agenda, desk, calling), and
//! the link to the server. The agenda is read again whenever the server says the office's
//! bookings changed.

use super::login::error_line;
use super::{
    LangSwitch, agenda::Agenda, audit::Audit, calling::Calling, closures::Closures, desk::Desk,
    numbers::Numbers,
};
use crate::backend::http::{self, Follow, HttpError};
use crate::t;
use sportello_core::Lang;
use sportello_core::account::{Role, Session, UserInfo};
use sportello_core::model::{Counter, Office, Procedure};
use sportello_core::office::{AgendaEntry, Channel};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Agenda,
    Desk,
    Calling,
    Closures,
    Numbers,
    Audit,
}

/// What every tab reads: the office's day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Day {
    pub office_id: String,
    pub date: Option<jiff::civil::Date>,
    /// The server's today, and its time when it answered.
    pub today: Option<jiff::civil::Date>,
    pub now: Option<jiff::Timestamp>,
    pub entries: Rc<Vec<AgendaEntry>>,
    pub counters: Rc<Vec<Counter>>,
    pub procedures: Rc<Vec<Procedure>>,
    /// Whether the office gives numbers to people without an appointment.
    pub walk_ins: bool,
}

impl Day {
    pub fn procedure_name(&self, id: &str, lang: Lang) -> String {
        self.procedures
            .iter()
            .find(|procedure| procedure.id == id)
            .map_or_else(
                || id.to_owned(),
                |procedure| procedure.name.get(lang).to_owned(),
            )
    }

    /// Whether `counter_id` calls `entry`: its appointment is there, or it is a walk-in for
    /// a procedure the counter serves.
    pub fn calls_here(&self, entry: &AgendaEntry, counter_id: &str) -> bool {
        let booking = &entry.record.booking;
        booking.counter_id == counter_id
            || (entry.channel == Channel::WalkIn
                && self.procedures.iter().any(|procedure| {
                    procedure.id == booking.procedure_id
                        && procedure.counter_ids.iter().any(|id| id == counter_id)
                }))
    }

    pub fn counter_name(&self, id: &str) -> String {
        self.counters
            .iter()
            .find(|counter| counter.id == id)
            .map_or_else(|| id.to_owned(), |counter| counter.name.clone())
    }
}

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub user: UserInfo,
    pub on_session: Callback<Option<Session>>,
    pub on_lang: Callback<Lang>,
}

#[function_component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    let lang = crate::app::use_lang();
    let tab = use_state(|| Tab::Agenda);
    let offices = use_state(Vec::<Office>::new);
    let office_id = use_state(|| props.user.office_id.clone().unwrap_or_default());
    // The day asked for; `None`: the server's today (a PC's clock may be wrong).
    let date = use_state(|| None::<jiff::civil::Date>);
    // Each answer in a state of its own: two requests answering in any order never undo
    // each other.
    let reference = use_state(|| {
        (
            Rc::new(Vec::<Counter>::new()),
            Rc::new(Vec::<Procedure>::new()),
        )
    });
    let agenda = use_state(|| None::<sportello_core::office::OfficeAgenda>);
    let error = use_state(|| None::<String>);
    let online = use_state(|| true);
    let changing_password = use_state(|| false);
    // Moves whenever the server says the office's bookings changed.
    let pulse = use_state(|| 0u64);

    let fail = {
        let (error, on_session) = (error.clone(), props.on_session.clone());
        Callback::from(move |err: HttpError| {
            if err == HttpError::SessionEnded {
                on_session.emit(None);
            } else {
                error.set(Some(error_line(&err)));
            }
        })
    };

    // An administrator picks the office; staff have theirs.
    {
        let (offices, office_id, fail) = (offices.clone(), office_id.clone(), fail.clone());
        let admin = props.user.role == Role::Admin;
        use_effect_with((), move |()| {
            spawn_local(async move {
                match http::offices().await {
                    Ok(list) => {
                        if admin
                            && office_id.is_empty()
                            && let Some(first) = list.first()
                        {
                            office_id.set(first.id.clone());
                        }
                        offices.set(list);
                    }
                    Err(err) => fail.emit(err),
                }
            });
        });
    }

    // The office's counters and procedures, once per office.
    {
        let (reference, fail) = (reference.clone(), fail.clone());
        use_effect_with((*office_id).clone(), move |office_id| {
            let office_id = office_id.clone();
            if !office_id.is_empty() {
                spawn_local(async move {
                    let counters = http::counters(&office_id).await;
                    let procedures = http::procedures(&office_id).await;
                    match (counters, procedures) {
                        (Ok(counters), Ok(procedures)) => {
                            reference.set((Rc::new(counters), Rc::new(procedures)));
                        }
                        (Err(err), _) | (_, Err(err)) => fail.emit(err),
                    }
                });
            }
        });
    }

    // The agenda: for each office and day, and again on every change the server announces.
    {
        let (agenda, fail, error) = (agenda.clone(), fail.clone(), error.clone());
        use_effect_with(
            ((*office_id).clone(), *date, *pulse),
            move |(office_id, date, _)| {
                let (office_id, date) = (office_id.clone(), *date);
                if !office_id.is_empty() {
                    spawn_local(async move {
                        match http::agenda(&office_id, date).await {
                            Ok(answer) => {
                                agenda.set(Some(answer));
                                error.set(None);
                            }
                            Err(err) => fail.emit(err),
                        }
                    });
                }
            },
        );
    }

    // Time passes without events too (whose appointment is over): read again every minute.
    {
        let pulse = pulse.clone();
        use_effect_with((), move |()| {
            let every_minute = gloo_timers::callback::Interval::new(60_000, move || {
                pulse.set(js_sys::Date::now() as u64);
            });
            move || drop(every_minute)
        });
    }

    // Follow the office's events while it is shown.
    {
        let (pulse, online) = (pulse.clone(), online.clone());
        use_effect_with((*office_id).clone(), move |office_id| {
            let follow = (!office_id.is_empty()).then(|| {
                let on_event = {
                    let pulse = pulse.clone();
                    move |name: &str, _data: String| {
                        if name == "agenda" {
                            pulse.set(js_sys::Date::now() as u64);
                        }
                    }
                };
                let on_link = {
                    let (online, pulse) = (online.clone(), pulse.clone());
                    move |up: bool| {
                        // Back after a drop: read the agenda again, changes may be missed.
                        if up && !*online {
                            pulse.set(js_sys::Date::now() as u64);
                        }
                        online.set(up);
                    }
                };
                Follow::office(office_id, on_event, on_link)
            });
            move || drop(follow)
        });
    }

    let tab_button = |which: Tab, id: &str, label: String| {
        let tab = tab.clone();
        let selected = *tab == which;
        html! {
            <button type="button" role="tab" id={id.to_owned()} aria-selected={selected.to_string()}
                class={classes!("console-tab", selected.then_some("selected"))}
                onclick={move |_| tab.set(which)}>{ label }</button>
        }
    };
    let logout = {
        let on_session = props.on_session.clone();
        move |_| {
            let on_session = on_session.clone();
            spawn_local(async move {
                http::logout().await;
                on_session.emit(None);
            });
        }
    };
    let pick_office = {
        let office_id = office_id.clone();
        move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                office_id.set(select.value());
            }
        }
    };
    let day = Day {
        office_id: (*office_id).clone(),
        date: agenda.as_ref().map(|agenda| agenda.day),
        today: agenda.as_ref().map(|agenda| agenda.today),
        now: agenda.as_ref().map(|agenda| agenda.now),
        entries: Rc::new(
            agenda
                .as_ref()
                .filter(|agenda| agenda.office_id == *office_id)
                .map(|agenda| agenda.entries.clone())
                .unwrap_or_default(),
        ),
        counters: reference.0.clone(),
        procedures: reference.1.clone(),
        walk_ins: offices
            .iter()
            .any(|office| office.id == *office_id && office.walk_ins),
    };
    let shown = (*date).or(day.date);
    let move_day = |days: i64| {
        let date = date.clone();
        move |_| {
            if let Some(next) =
                shown.and_then(|shown| shown.checked_add(jiff::Span::new().days(days)).ok())
            {
                date.set(Some(next));
            }
        }
    };
    let back_to_today = {
        let date = date.clone();
        move |_| date.set(None)
    };
    let office_name = offices
        .iter()
        .find(|office| office.id == *office_id)
        .map(|office| office.name.clone())
        .unwrap_or_default();
    html! {
        <div class="console">
            <header class="console-header">
                <h1>{ t!("console-title") }</h1>
                if props.user.role == Role::Admin {
                    <label class="console-office">
                        <span>{ t!("console-office") }</span>
                        <select id="office-select" onchange={pick_office}>
                            { for offices.iter().map(|office| html! {
                                <option value={office.id.clone()} selected={office.id == *office_id}>
                                    { &office.name }
                                </option>
                            }) }
                        </select>
                    </label>
                } else {
                    <p class="console-office" id="office-name">{ office_name }</p>
                }
                <nav class="console-days" aria-label={t!("console-day")}>
                    <button type="button" id="day-previous" onclick={move_day(-1)}
                        aria-label={t!("console-day-previous")}>{ "‹" }</button>
                    <span id="day-shown">{ shown.map(|shown| crate::format::long_date(shown, lang)).unwrap_or_default() }</span>
                    <button type="button" id="day-next" onclick={move_day(1)}
                        aria-label={t!("console-day-next")}>{ "›" }</button>
                    <button type="button" id="day-today" onclick={back_to_today}>{ t!("console-today") }</button>
                </nav>
                <p id="link-status" role="status"
                    class={classes!("console-link", (!*online).then_some("offline"))}>
                    { if *online { t!("console-online") } else { t!("console-link-lost") } }
                </p>
                <div class="console-account">
                    <span class="console-user">{ &props.user.username }</span>
                    <LangSwitch on_lang={props.on_lang.clone()} />
                    <button type="button" id="change-password" onclick={{
                        let changing_password = changing_password.clone();
                        move |_| changing_password.set(!*changing_password)
                    }}>{ t!("console-password") }</button>
                    <button type="button" id="logout" onclick={logout}>{ t!("console-logout") }</button>
                </div>
            </header>
            <div role="tablist" class="console-tabs" aria-label={t!("console-title")}>
                { tab_button(Tab::Agenda, "tab-agenda", t!("console-tab-agenda")) }
                { tab_button(Tab::Desk, "tab-desk", t!("console-tab-desk")) }
                { tab_button(Tab::Calling, "tab-calling", t!("console-tab-calling")) }
                { tab_button(Tab::Closures, "tab-closures", t!("console-tab-closures")) }
                { tab_button(Tab::Numbers, "tab-numbers", t!("console-tab-numbers")) }
                { tab_button(Tab::Audit, "tab-audit", t!("console-tab-audit")) }
            </div>
            if let Some(error) = &*error {
                <p class="console-error" role="alert" id="console-error">{ error }</p>
            }
            <main class="console-main">
                if *changing_password {
                    <super::login::NewPassword on_session={props.on_session.clone()} />
                } else {
                { match *tab {
                    Tab::Agenda => html! { <Agenda day={day.clone()} on_error={fail.clone()} /> },
                    Tab::Desk => html! { <Desk day={day.clone()} on_error={fail.clone()} /> },
                    Tab::Calling => html! { <Calling day={day.clone()} on_error={fail.clone()} /> },
                    Tab::Closures => html! { <Closures day={day.clone()} on_error={fail.clone()} /> },
                    Tab::Numbers => html! { <Numbers day={day.clone()} on_error={fail.clone()} /> },
                    Tab::Audit => html! { <Audit day={day.clone()} on_error={fail.clone()} /> },
                } }
                }
            </main>
        </div>
    }
}
