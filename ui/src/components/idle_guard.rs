//! A public terminal forgets the person who walked away: after a while without a touch a
//! large question offers more time; unanswered, everything typed is wiped and the home screen
//! returns in Italian.

use crate::backend;
use crate::t;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called when the time is up: the app starts over.
    pub on_timeout: Callback<()>,
    /// Nothing to forget (the home screen, in Italian, nobody logged in): no question then,
    /// which would only cover the screen for the next person.
    pub resting: bool,
}

fn now_secs() -> f64 {
    js_sys::Date::now() / 1000.0
}

#[function_component]
pub fn IdleGuard(props: &Props) -> Html {
    // Seconds left to answer, while the question shows.
    let asking = use_state(|| None::<u32>);
    let last_touch = use_mut_ref(|| Rc::new(Cell::new(now_secs())));
    let resting = use_mut_ref(|| Rc::new(Cell::new(props.resting)));
    resting.borrow().set(props.resting);
    {
        let resting = resting.borrow().clone();
        let asking = asking.setter();
        let on_timeout = props.on_timeout.clone();
        let last_touch = last_touch.borrow().clone();
        use_effect_with((), move |()| {
            let document = web_sys::window().and_then(|window| window.document());
            let touched = {
                let last_touch = last_touch.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_| last_touch.set(now_secs()))
            };
            if let Some(document) = &document {
                for event in ["pointerdown", "keydown", "input", "touchstart"] {
                    let _ = document.add_event_listener_with_callback_and_bool(
                        event,
                        touched.as_ref().unchecked_ref(),
                        true,
                    );
                }
            }
            let alive = Rc::new(Cell::new(true));
            let running = alive.clone();
            spawn_local(async move {
                let settings = backend::ui_settings().await.ok();
                let (idle, warning) = settings.map_or((90.0, 20.0), |s| {
                    (f64::from(s.idle_secs), f64::from(s.idle_warning_secs))
                });
                while running.get() {
                    yew::platform::time::sleep(Duration::from_millis(500)).await;
                    if resting.get() {
                        last_touch.set(now_secs());
                    }
                    let quiet = now_secs() - last_touch.get();
                    if quiet < idle {
                        asking.set(None);
                    } else if quiet < idle + warning {
                        asking.set(Some((idle + warning - quiet).ceil() as u32));
                    } else {
                        asking.set(None);
                        last_touch.set(now_secs());
                        on_timeout.emit(());
                    }
                }
            });
            move || {
                alive.set(false);
                if let Some(document) = &document {
                    for event in ["pointerdown", "keydown", "input", "touchstart"] {
                        let _ = document.remove_event_listener_with_callback_and_bool(
                            event,
                            touched.as_ref().unchecked_ref(),
                            true,
                        );
                    }
                }
                drop(touched);
            }
        });
    }
    let Some(seconds) = *asking else {
        return html! {};
    };
    // Any touch counts as "still here"; the button also closes the question at once.
    let more = {
        let asking = asking.setter();
        Callback::from(move |_: MouseEvent| asking.set(None))
    };
    html! {
        <div class="idle-overlay" id="idle-warning" role="alertdialog" aria-modal="true"
             aria-labelledby="idle-title">
            <div class="idle-box">
                <h2 id="idle-title">{ t!("idle-title") }</h2>
                <p>{ t!("idle-body", seconds = seconds.to_string()) }</p>
                <button class="primary" id="idle-more" onclick={more}>{ t!("idle-more") }</button>
            </div>
        </div>
    }
}
