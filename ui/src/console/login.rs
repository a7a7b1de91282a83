//! Logging in, and choosing one's own password after a temporary one.

use super::LangSwitch;
use crate::backend::http::{self, HttpError};
use crate::t;
use sportello_core::Lang;
use sportello_core::account::Session;
use sportello_core::api::ProblemCode;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One line for a failed login or password change.
pub fn error_line(error: &HttpError) -> String {
    match error {
        HttpError::Offline => t!("console-offline"),
        HttpError::SessionEnded => t!("console-session-ended"),
        HttpError::Refused(problem) => match problem.code {
            ProblemCode::Unauthorized => t!("console-login-wrong"),
            ProblemCode::TooManyRequests => t!("console-too-many"),
            ProblemCode::Forbidden => t!("console-forbidden"),
            ProblemCode::InvalidInput => t!("console-password-rules"),
            ProblemCode::InvalidState => t!("console-not-yet-over"),
            _ => t!("console-refused"),
        },
        HttpError::Broken(_) => t!("console-broken"),
    }
}

fn value(input: &NodeRef) -> String {
    input
        .cast::<HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct LoginProps {
    pub on_session: Callback<Option<Session>>,
    pub on_lang: Callback<Lang>,
}

#[function_component]
pub fn Login(props: &LoginProps) -> Html {
    let username = use_node_ref();
    let password = use_node_ref();
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let onsubmit = {
        let (username, password) = (username.clone(), password.clone());
        let (error, busy, on_session) = (error.clone(), busy.clone(), props.on_session.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (user, pass) = (value(&username), value(&password));
            let (error, busy, on_session) = (error.clone(), busy.clone(), on_session.clone());
            busy.set(true);
            spawn_local(async move {
                match http::login(&user, &pass).await {
                    Ok(session) => on_session.emit(Some(session)),
                    Err(err) => {
                        error.set(Some(error_line(&err)));
                        busy.set(false);
                    }
                }
            });
        })
    };
    html! {
        <main class="console-login" id="console-login">
            <div class="console-login-bar"><LangSwitch on_lang={props.on_lang.clone()} /></div>
            <h1>{ t!("console-title") }</h1>
            <form onsubmit={onsubmit}>
                <label for="login-username">{ t!("console-username") }</label>
                <input id="login-username" ref={username} autocomplete="username" required=true />
                <label for="login-password">{ t!("console-password") }</label>
                <input id="login-password" ref={password} type="password"
                    autocomplete="current-password" required=true />
                if let Some(error) = &*error {
                    <p class="console-error" role="alert" id="login-error">{ error }</p>
                }
                <button type="submit" id="login-submit" disabled={*busy}>{ t!("console-login") }</button>
            </form>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct NewPasswordProps {
    pub on_session: Callback<Option<Session>>,
}

/// After a temporary password, or from the workspace: a password of one's own. The change
/// ends the session; the staff member logs in again with the new password.
#[function_component]
pub fn NewPassword(props: &NewPasswordProps) -> Html {
    let old = use_node_ref();
    let new = use_node_ref();
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (old, new, error, on_session) = (
            old.clone(),
            new.clone(),
            error.clone(),
            props.on_session.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (old_password, new_password) = (value(&old), value(&new));
            let (error, on_session) = (error.clone(), on_session.clone());
            spawn_local(async move {
                match http::change_password(&old_password, &new_password).await {
                    Ok(()) => on_session.emit(None),
                    Err(err) => error.set(Some(error_line(&err))),
                }
            });
        })
    };
    html! {
        <section class="console-login" id="console-password">
            <h1>{ t!("console-password-change") }</h1>
            <p>{ t!("console-password-rules") }</p>
            <form onsubmit={onsubmit}>
                <label for="password-old">{ t!("console-password-old") }</label>
                <input id="password-old" ref={old} type="password" autocomplete="current-password" required=true />
                <label for="password-new">{ t!("console-password-new") }</label>
                <input id="password-new" ref={new} type="password" autocomplete="new-password"
                    minlength="10" required=true />
                if let Some(error) = &*error {
                    <p class="console-error" role="alert">{ error }</p>
                }
                <button type="submit">{ t!("console-password-save") }</button>
            </form>
        </section>
    }
}
