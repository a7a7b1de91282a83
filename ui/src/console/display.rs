//! The waiting-room display, full screen on a TV's browser: the number called and its
//! counter in large type, the last few calls, a chime on each call. It follows the office's
//! events, reconnects by itself, and says so when what it shows may be stale.

use crate::backend::http::Follow;
use crate::t;
use sportello_core::office::Board;
use yew::prelude::*;

/// Without an event for this long (the server pings every 5 s), the board may be stale.
const STALE_AFTER_MS: f64 = 12_000.0;

/// Two soft tones: the call is heard by those not looking at the screen.
fn chime(context: &web_sys::AudioContext) {
    let start = context.current_time();
    for (offset, frequency) in [(0.0, 660.0), (0.35, 880.0)] {
        let (Ok(tone), Ok(gain)) = (context.create_oscillator(), context.create_gain()) else {
            return;
        };
        tone.frequency().set_value(frequency);
        let level = gain.gain();
        let _ = level.set_value_at_time(0.0, start + offset);
        let _ = level.linear_ramp_to_value_at_time(0.3, start + offset + 0.03);
        let _ = level.linear_ramp_to_value_at_time(0.0, start + offset + 0.6);
        let _ = tone.connect_with_audio_node(&gain);
        let _ = gain.connect_with_audio_node(&context.destination());
        let _ = tone.start_with_when(start + offset);
        let _ = tone.stop_with_when(start + offset + 0.65);
    }
}

#[derive(Properties, PartialEq)]
pub struct DisplayProps {
    pub office: Option<String>,
}

#[function_component]
pub fn Display(props: &DisplayProps) -> Html {
    let board = use_state(|| None::<Board>);
    let online = use_state(|| false);
    let stale = use_state(|| false);
    let last_heard = use_mut_ref(|| 0.0f64);
    let sound = use_state(|| None::<web_sys::AudioContext>);
    let chimes = use_state(|| 0u32);
    // The newest call shown (`None` until the first board arrives).
    let latest_call = use_mut_ref(|| None::<Option<i64>>);
    let chime_count = use_memo((), |()| std::cell::Cell::new(0u32));

    {
        let (board, online, last_heard) = (board.clone(), online.clone(), last_heard.clone());
        let (latest_call, chimes, chime_count) =
            (latest_call.clone(), chimes.clone(), chime_count.clone());
        use_effect_with(props.office.clone(), move |office| {
            let follow = office.as_ref().and_then(|office| {
                let on_event = {
                    let last_heard = last_heard.clone();
                    move |name: &str, data: String| {
                        *last_heard.borrow_mut() = js_sys::Date::now();
                        if name != "board" {
                            return;
                        }
                        let Ok(next) = serde_json::from_str::<Board>(&data) else {
                            return;
                        };
                        let newest = next.calls.first().map(|call| call.id);
                        // The first board is how things stood when the screen came up: no
                        // chime. After it, a newer call chimes (a reconnection's board too).
                        let before = latest_call.replace(Some(newest));
                        if let Some(before) = before
                            && newest > before
                        {
                            chimes.set(chime_count.get() + 1);
                            chime_count.set(chime_count.get() + 1);
                        }
                        board.set(Some(next));
                    }
                };
                let on_link = {
                    let (online, last_heard) = (online.clone(), last_heard.clone());
                    move |up: bool| {
                        if up {
                            *last_heard.borrow_mut() = js_sys::Date::now();
                        }
                        online.set(up);
                    }
                };
                Follow::office(office, on_event, on_link)
            });
            move || drop(follow)
        });
    }
    // The chime, once per new call.
    {
        let sound = sound.clone();
        use_effect_with(*chimes, move |count| {
            if *count > 0
                && let Some(context) = &*sound
            {
                chime(context);
            }
        });
    }
    // Staleness, checked every second.
    {
        let (stale, last_heard) = (stale.clone(), last_heard.clone());
        use_effect_with((), move |()| {
            let interval = gloo_timers::callback::Interval::new(1_000, move || {
                let heard = *last_heard.borrow();
                stale.set(heard == 0.0 || js_sys::Date::now() - heard > STALE_AFTER_MS);
            });
            move || drop(interval)
        });
    }
    let enable_sound = {
        let sound = sound.clone();
        move |_| {
            // Browsers let a page play sound only after a touch or a click on it.
            if let Ok(context) = web_sys::AudioContext::new() {
                chime(&context);
                sound.set(Some(context));
            }
        }
    };
    let Some(_) = &props.office else {
        return html! { <main class="display"><p class="display-note">{ t!("console-display-no-office") }</p></main> };
    };
    let calls = board.as_ref().map(|b| b.calls.clone()).unwrap_or_default();
    let has_sound = sound.is_some();
    html! {
        <main class={classes!("display", (*stale).then_some("stale"))} id="display">
            <h1 class="display-title">{ t!("console-display-title") }</h1>
            if let Some(now) = calls.first() {
                <div class="display-now" id="display-now">
                    <p class="display-number" id="display-number">{ now.queue_number }</p>
                    <p class="display-counter" id="display-counter">{ &now.counter_name }</p>
                </div>
            } else {
                <p class="display-note" id="display-waiting">{ t!("console-display-none-yet") }</p>
            }
            if calls.len() > 1 {
                <section class="display-history" aria-labelledby="display-history-title">
                    <h2 id="display-history-title">{ t!("console-display-previous") }</h2>
                    <ol id="display-history">
                        { for calls.iter().skip(1).map(|call| html! {
                            <li><span class="number">{ call.queue_number }</span>
                                <span class="counter">{ &call.counter_name }</span></li>
                        }) }
                    </ol>
                </section>
            }
            <footer class="display-footer">
                if *stale || !*online {
                    <p class="display-stale" id="display-stale" role="status">{ t!("console-display-stale") }</p>
                }
                if !has_sound {
                    <button type="button" id="display-sound" onclick={enable_sound}>{ t!("console-display-sound-on") }</button>
                }
            </footer>
        </main>
    }
}
