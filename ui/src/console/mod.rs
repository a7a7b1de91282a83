//! The office console: the staff's screen in the browser (agenda, check-in desk, calling),
//! and the waiting-room display. Served by the central server at `/ufficio/`; Italian first,
//! English second, every language of the kiosk after them.

mod agenda;
mod audit;
mod calling;
mod camera;
mod closures;
mod desk;
mod display;
mod login;
mod numbers;
mod workspace;

use crate::backend::http;
use crate::{i18n, t};
use sportello_core::Lang;
use sportello_core::account::Session;
use yew::prelude::*;

/// The languages the console speaks, in the order it offers them: Italian, the offices'
/// language; English, the second; then the kiosk's others.
fn console_langs() -> impl Iterator<Item = Lang> {
    [Lang::It, Lang::En].into_iter().chain(
        Lang::ALL
            .into_iter()
            .filter(|lang| !matches!(lang, Lang::It | Lang::En)),
    )
}

/// The page asked for: the console, or an office's waiting-room display.
fn display_office() -> Option<Option<String>> {
    let location = web_sys::window()?.location();
    let path = location.pathname().ok()?;
    if !path.trim_end_matches('/').ends_with("/display") {
        return None;
    }
    let query = location.search().ok().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    Some(params.and_then(|params| params.get("office")))
}

#[function_component]
pub fn Console() -> Html {
    let lang = use_state(|| Lang::It);
    let session = use_state(http::session);
    {
        let lang = *lang;
        use_effect_with(lang, move |lang| i18n::set_language(*lang));
    }
    let content = match display_office() {
        Some(office) => html! { <display::Display office={office} /> },
        None => {
            let on_session = {
                let session = session.clone();
                Callback::from(move |new: Option<Session>| session.set(new))
            };
            let on_lang = {
                let lang = lang.clone();
                Callback::from(move |new: Lang| lang.set(new))
            };
            match (*session).clone() {
                None => html! { <login::Login on_session={on_session} on_lang={on_lang} /> },
                Some(current) if current.must_change_password => html! {
                    <main><login::NewPassword on_session={on_session} /></main>
                },
                Some(current) => html! {
                    <workspace::Workspace
                        user={current.user.clone()}
                        on_session={on_session}
                        on_lang={on_lang}
                    />
                },
            }
        }
    };
    html! {
        <ContextProvider<Lang> context={*lang}>
            { content }
        </ContextProvider<Lang>>
    }
}

/// "09:30" in Italian time.
pub fn hhmm(at: jiff::Timestamp) -> String {
    let local = sportello_core::calendar::office_tz().to_datetime(at);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// The language switch: Italian, then English, then the people's languages (an office's
/// staff may include mediators who read theirs best).
#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub on_lang: Callback<Lang>,
}

#[function_component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let current = crate::app::use_lang();
    let onchange = {
        let on_lang = props.on_lang.clone();
        move |event: Event| {
            if let Some(lang) = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| select.value().parse::<Lang>().ok())
            {
                on_lang.emit(lang);
            }
        }
    };
    html! {
        <select id="console-lang" class="console-lang" aria-label={t!("console-language")}
            onchange={onchange}>
            { for console_langs().map(|lang| html! {
                <option value={lang.code()} lang={lang.code()} selected={lang == current}>
                    { lang.native_name() }
                </option>
            }) }
        </select>
    }
}
