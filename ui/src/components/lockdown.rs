//! A public terminal's page keeps to itself: no context menu (with its Reload and Back), no
//! keys that reload, zoom, print, go back or open tools, no Ctrl+wheel zoom of the whole page.
//! Only in kiosk mode (`kiosk_mode` in kiosk.toml): on a developer's machine the webview's own
//! tools stay. The backend refuses navigation away and new windows in any mode.
//!
//! Locked from the first moment, and unlocked only once the backend says this is not a
//! kiosk: a terminal whose settings cannot be read stays locked.

use crate::backend;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::spawn_local;
use web_sys::{AddEventListenerOptions, Event, KeyboardEvent, WheelEvent};
use yew::prelude::*;

/// Keys a person at a kiosk has no business with.
fn refused(event: &KeyboardEvent) -> bool {
    let key = event.key();
    let command = event.ctrl_key() || event.meta_key();
    matches!(
        key.as_str(),
        "F5" | "F7"
            | "F11"
            | "F12"
            | "BrowserBack"
            | "BrowserForward"
            | "BrowserRefresh"
            | "BrowserHome"
            | "ContextMenu"
    ) || (command
        && matches!(
            key.to_lowercase().as_str(),
            "r" | "+" | "-" | "=" | "0" | "p" | "s" | "o" | "u" | "n" | "w" | "i" | "j" | "l"
        ))
        || (event.alt_key() && matches!(key.as_str(), "ArrowLeft" | "ArrowRight" | "Home"))
}

thread_local! {
    /// Whether the listeners refuse: until the settings say otherwise.
    static LOCKED: Cell<bool> = const { Cell::new(true) };
}

fn locked() -> bool {
    LOCKED.with(Cell::get)
}

/// Installs the listeners at once; they last as long as the page, and stand down if this is
/// not a kiosk.
#[function_component]
pub fn Lockdown() -> Html {
    use_effect_with((), |()| {
        install();
        spawn_local(async {
            let kiosk_mode = backend::ui_settings()
                .await
                .map(|settings| settings.kiosk_mode)
                .unwrap_or(true);
            LOCKED.with(|locked| locked.set(kiosk_mode));
        });
    });
    html! {}
}

fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let options = AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(false);
    let listen = |event: &str, handler: Closure<dyn FnMut(Event)>| {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            handler.as_ref().unchecked_ref(),
            &options,
        );
        // For the page's lifetime.
        handler.forget();
    };
    listen(
        "contextmenu",
        Closure::new(|event: Event| {
            if locked() {
                event.prevent_default();
            }
        }),
    );
    listen(
        "keydown",
        Closure::new(|event: Event| {
            if locked() && event.dyn_ref::<KeyboardEvent>().is_some_and(refused) {
                event.prevent_default();
                event.stop_propagation();
            }
        }),
    );
    listen(
        "wheel",
        Closure::new(|event: Event| {
            if locked()
                && event
                    .dyn_ref::<WheelEvent>()
                    .is_some_and(|wheel| wheel.ctrl_key())
            {
                event.prevent_default();
            }
        }),
    );
    // WebKit's own pinch gesture on the whole page.
    listen(
        "gesturestart",
        Closure::new(|event: Event| {
            if locked() {
                event.prevent_default();
            }
        }),
    );
}
