//! Online/offline and the age of the data, always visible in the top bar. Tapping it asks for
//! a sync at once and opens the details staff need: which kiosk this is, the writes waiting
//! for the server, and the seats it can still book offline.

use crate::app::{StatusContext, use_lang};
use crate::{backend, format, t};
use sportello_core::kiosk::{Connection, FailureReason, KioskStatus};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[function_component]
pub fn StatusBar() -> Html {
    let lang = use_lang();
    let status = use_context::<StatusContext>().flatten();
    let open = use_state(|| false);
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
    // A person who sees "offline" can retry; staff see the details.
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| {
            spawn_local(async {
                let _ = backend::sync_now().await;
            });
            open.set(!*open);
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_| open.set(false))
    };
    let waiting = status.as_ref().is_some_and(|s| s.outbox_pending > 0);
    // How far the kiosk's copy has come (tests wait on it before timing a screen).
    let cursor = status
        .as_ref()
        .map(|s| s.cursor.to_string())
        .unwrap_or_default();
    html! {
        <div class="status-area">
            <button id="status" class={classes!("status", class, waiting.then_some("waiting"))}
                    data-connection={class} data-cursor={cursor} onclick={toggle} aria-live="polite"
                    aria-expanded={(*open).to_string()} aria-controls="status-details">
                <span class="status-dot" aria-hidden="true"></span>
                <span class="status-label">{ label }</span>
                <span class="status-age">{ data_age }</span>
            </button>
            if *open {
                <Details status={status.clone()} on_close={close} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    status: Option<KioskStatus>,
    on_close: Callback<MouseEvent>,
}

/// The operator's view of the kiosk's link: what waits, what failed, what it can book offline.
#[function_component]
fn Details(props: &DetailsProps) -> Html {
    let lang = use_lang();
    let status = props
        .status
        .clone()
        .unwrap_or_else(|| KioskStatus::new(Connection::Connecting));
    let kiosk = match (&status.kiosk_id, status.refused) {
        (_, true) => t!("kiosk-refused"),
        (Some(id), false) => t!("kiosk-id", id = id.clone()),
        (None, false) => t!("kiosk-not-enrolled"),
    };
    let row = |id: &'static str, label: String, value: u32| {
        html! {
            <div class="status-row" data-count={id}>
                <dt>{ label }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    html! {
        <section id="status-details" class="status-details" aria-label={t!("staff-panel")}>
            <h2>{ t!("staff-panel") }</h2>
            <p class="kiosk-id">{ kiosk }</p>
            <dl>
                { row("outbox-pending", t!("outbox-pending"), status.outbox_pending) }
                { row("outbox-failed", t!("outbox-failed"), status.outbox_failed) }
                { row("leases-free", t!("leases-free"), status.leases_free) }
                { row("leases-used", t!("leases-used"), status.leases_used) }
            </dl>
            if !status.failures.is_empty() {
                <h3>{ t!("outbox-failures-title") }</h3>
                <ul class="failures" id="outbox-failures">
                    { for status.failures.iter().map(|failure| html! {
                        <li class="failure" data-kind={failure.kind.clone()}>
                            <span class="failure-what">{ write_kind(&failure.kind) }</span>
                            if !failure.reference.is_empty() {
                                { " " }<bdi dir="ltr">{ &failure.reference }</bdi>
                            }
                            { " · " }{ format::day_and_time(failure.at, lang) }
                            <br />
                            <span class="failure-why">{ reason(&failure.reason) }</span>
                        </li>
                    }) }
                </ul>
            }
            <button class="status-close" onclick={props.on_close.clone()}>{ t!("close") }</button>
        </section>
    }
}

/// What a failed write was, in the reader's language.
fn write_kind(kind: &str) -> String {
    match kind {
        "hold" => t!("write-kind-hold"),
        "confirm" => t!("write-kind-confirm"),
        "release" => t!("write-kind-release"),
        "cancel" => t!("write-kind-cancel"),
        "reschedule" => t!("write-kind-reschedule"),
        "check_in" => t!("write-kind-check-in"),
        "lease_booking" => t!("write-kind-offline-booking"),
        _ => t!("write-kind-other"),
    }
}

/// Why it failed, for staff.
fn reason(reason: &FailureReason) -> String {
    match reason {
        // The server's own name for the refusal, as in its API document (for whoever
        // supports the kiosk), or the bare status when it gave none.
        FailureReason::Refused { status, code } => t!(
            "failure-refused",
            code = code.map_or_else(|| status.to_string(), |code| code.title().to_owned())
        ),
        FailureReason::RefusedOnTheWay { status } => {
            t!("failure-on-the-way", status = status.to_string())
        }
        FailureReason::NotAnswered => t!("failure-not-answered"),
        FailureReason::KioskRefused => t!("failure-kiosk-refused"),
    }
}
