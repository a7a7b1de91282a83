//! Online/offline and the age of the data, always visible in the top bar.

use crate::app::{StatusContext, use_lang};
use crate::{backend, format, t};
use sportello_core::kiosk::Connection;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[function_component]
pub fn StatusBar() -> Html {
    let lang = use_lang();
    let status = use_context::<StatusContext>().flatten();
    let connection = status
        .as_ref()
        .map_or(Connection::Connecting, |s| s.connection);
    let (class, label) = match connection {
        Connection::Connecting => ("connecting", t!("status-connecting")),
        Connection::Online => ("online", t!("status-online")),
        Connection::Offline => ("offline", t!("status-offline")),
    };
    let data_age = match status.as_ref().and_then(|s| s.last_sync) {
        Some(when) => t!("status-updated", when = format::day_and_time(when, lang)),
        None => t!("status-never"),
    };
    // Tapping the status asks for a pull at once: a person who sees "offline" can retry.
    let retry = Callback::from(|_| {
        spawn_local(async {
            let _ = backend::sync_now().await;
        })
    });
    html! {
        <button id="status" class={classes!("status", class)} data-connection={class}
                onclick={retry} aria-live="polite">
            <span class="status-dot" aria-hidden="true"></span>
            <span class="status-label">{ label }</span>
            <span class="status-age">{ data_age }</span>
        </button>
    }
}
