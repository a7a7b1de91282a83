//! The app shell: language, current screen and the kiosk's status, shared through contexts.

use crate::backend;
use crate::components::idle_guard::IdleGuard;
use crate::components::keyboard::Keyboard;
use crate::components::lockdown::Lockdown;
use crate::components::status_bar::StatusBar;
use crate::i18n;
use crate::screens::{
    faq::Faq,
    home::Home,
    manage::Manage,
    operator::{OperatorBookings, OperatorLogin},
    services::Services,
    wizard::Wizard,
};
use crate::t;
use sportello_core::Lang;
use sportello_core::kiosk::KioskStatus;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The screens of the kiosk. No URLs: a kiosk has no address bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Book,
    /// "I already have a booking": find it, cancel it.
    Manage,
    /// An operator's login.
    Operator,
    /// The operator's organisation's bookings.
    OperatorBookings,
    Faq,
    Map,
}

/// The kiosk's link status; `None` until the backend has answered once.
pub type StatusContext = Option<KioskStatus>;

/// The language the person chose; components that show text read it with `use_lang`, so
/// they re-render when it changes.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::FALLBACK)
}

#[function_component]
pub fn App() -> Html {
    let lang = use_state(|| Lang::FALLBACK);
    let screen = use_state(|| Screen::Home);
    let status = use_state(|| None::<KioskStatus>);

    {
        let status = status.setter();
        use_effect_with((), move |()| {
            i18n::set_language(Lang::FALLBACK);
            spawn_local(async move {
                // Listen first, then ask: a change between the two is then never missed.
                let on_change = status.clone();
                if let Err(err) =
                    backend::on_status_change(move |new| on_change.set(Some(new))).await
                {
                    web_sys::console::error_1(&format!("{err:?}").into());
                }
                match backend::kiosk_status().await {
                    Ok(current) => status.set(Some(current)),
                    Err(err) => web_sys::console::error_1(&format!("{err:?}").into()),
                }
            });
        });
    }

    let choose_language = {
        let lang = lang.setter();
        Callback::from(move |chosen: Lang| {
            i18n::set_language(chosen);
            lang.set(chosen);
        })
    };
    let open = {
        let screen = screen.setter();
        Callback::from(move |next: Screen| screen.set(next))
    };
    let home = open.reform(|()| Screen::Home);
    // A procedure an answer led to: the wizard starts on it.
    let start_procedure = use_state(|| None::<String>);
    let book_procedure = {
        let start_procedure = start_procedure.setter();
        let screen = screen.setter();
        Callback::from(move |procedure_id: String| {
            start_procedure.set(Some(procedure_id));
            screen.set(Screen::Book);
        })
    };
    let home = {
        let start_procedure = start_procedure.setter();
        home.reform(move |()| {
            start_procedure.set(None);
        })
    };
    // The operator logged in at this kiosk, if any (bookings are then on their behalf).
    let operator = use_state(|| None::<sportello_core::kiosk::OperatorInfo>);
    // What the backend says, not what this page remembers: a page that loads again starts
    // with no operator (the backend ends the session on every load), and the idle timeout
    // then covers whoever is shown as logged in.
    {
        let operator = operator.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                operator.set(backend::current_operator().await.ok().flatten());
            });
        });
    }
    let logged_in = {
        let operator = operator.setter();
        let screen = screen.setter();
        Callback::from(move |info| {
            operator.set(Some(info));
            screen.set(Screen::Home);
        })
    };
    let log_out = {
        let operator = operator.setter();
        Callback::from(move |_: MouseEvent| {
            operator.set(None);
            spawn_local(async {
                let _ = backend::operator_logout().await;
            });
        })
    };
    // The next person starts clean: home, in Italian, every screen's state dropped (the
    // screens are mounted anew under a new key).
    let generation = use_state(|| 0u32);
    let start_over = {
        let lang = lang.setter();
        let screen = screen.setter();
        let generation = generation.clone();
        let operator = operator.setter();
        let start_procedure = start_procedure.setter();
        Callback::from(move |()| {
            operator.set(None);
            start_procedure.set(None);
            spawn_local(async {
                let _ = backend::operator_logout().await;
            });
            i18n::set_language(Lang::FALLBACK);
            lang.set(Lang::FALLBACK);
            screen.set(Screen::Home);
            generation.set(generation.wrapping_add(1));
        })
    };

    let resting = *screen == Screen::Home && *lang == Lang::FALLBACK && operator.is_none();
    let body = match *screen {
        Screen::Home => html! { <Home on_language={choose_language} on_open={open.clone()} /> },
        Screen::Book => html! { <Wizard on_back={home} start={(*start_procedure).clone()} /> },
        Screen::Manage => html! { <Manage on_back={home.clone()} /> },
        Screen::Operator => html! { <OperatorLogin on_back={home.clone()} on_login={logged_in} /> },
        Screen::OperatorBookings => html! { <OperatorBookings on_back={home} /> },
        Screen::Faq => html! {
            <Faq on_back={home} on_book={book_procedure} />
        },
        Screen::Map => html! { <Services on_back={home} /> },
    };

    html! {
        <ContextProvider<Lang> context={*lang}>
            <ContextProvider<StatusContext> context={(*status).clone()}>
                <div class="app">
                    <header class="top-bar">
                        <div class="brand">
                            <img class="brand-icon" src="icon.png" alt="" />
                            <div>
                                <div class="brand-name">{ t!("app-title") }</div>
                                <div class="brand-tagline">{ t!("app-subtitle") }</div>
                            </div>
                        </div>
                        if let Some(info) = &*operator {
                            <div class="operator-banner" id="operator-banner">
                                <span>{ t!("operator-as", name = info.username.clone()) }</span>
                                <button class="operator-logout" id="operator-bookings"
                                        onclick={open.reform(|_: MouseEvent| Screen::OperatorBookings)}>
                                    { t!("operator-bookings") }
                                </button>
                                <button class="operator-logout" id="operator-logout" onclick={log_out}>
                                    { t!("operator-logout") }
                                </button>
                            </div>
                        }
                        <StatusBar />
                    </header>
                    <main class="screen" key={*generation}>{ body }</main>
                    <Keyboard />
                    <IdleGuard on_timeout={start_over} resting={resting} />
                    <Lockdown />
                </div>
            </ContextProvider<StatusContext>>
        </ContextProvider<Lang>>
    }
}
