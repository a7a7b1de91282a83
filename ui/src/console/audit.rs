//! Who did what and when at the office: check-ins, calls, moves, cancellations, closures;
//! newest first, or for one booking.

use super::workspace::Day;
use crate::backend::http::{self, HttpError};
use crate::format;
use crate::t;
use sportello_core::booking::{display_code, normalize_code};
use sportello_core::office::AuditEntry;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AuditProps {
    pub day: Day,
    pub on_error: Callback<HttpError>,
}

/// What an action is called on screen.
fn action_label(action: &str) -> String {
    match action {
        "hold" => t!("console-audit-hold"),
        "confirm" => t!("console-audit-confirm"),
        "cancel" => t!("console-audit-cancel"),
        "reschedule" => t!("console-audit-reschedule"),
        "check_in" => t!("console-audit-check-in"),
        "walk_in" => t!("console-audit-walk-in"),
        "call" => t!("console-audit-call"),
        "served" => t!("console-status-served"),
        "absent" => t!("console-status-absent"),
        "no_show" => t!("console-status-no-show"),
        "override_saved" => t!("console-audit-override-saved"),
        "override_deleted" => t!("console-audit-override-deleted"),
        "notice_called" => t!("console-to-call-done"),
        other => other.to_owned(),
    }
}

#[function_component]
pub fn Audit(props: &AuditProps) -> Html {
    let lang = crate::app::use_lang();
    let entries = use_state(Vec::<AuditEntry>::new);
    let code = use_state(|| None::<String>);
    let field = use_node_ref();
    {
        let (entries, on_error) = (entries.clone(), props.on_error.clone());
        let office_id = props.day.office_id.clone();
        use_effect_with((office_id, (*code).clone()), move |(office_id, code)| {
            let (office_id, code) = (office_id.clone(), code.clone());
            if !office_id.is_empty() {
                spawn_local(async move {
                    match http::audit(&office_id, code.as_deref()).await {
                        Ok(list) => entries.set(list),
                        Err(err) => on_error.emit(err),
                    }
                });
            }
        });
    }
    let search = {
        let (field, code) = (field.clone(), code.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let typed = field
                .cast::<HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            code.set(normalize_code(&typed));
        })
    };
    html! {
        <section class="console-audit" aria-labelledby="audit-title">
            <h2 id="audit-title">{ t!("console-tab-audit") }</h2>
            <form class="desk-form" onsubmit={search}>
                <label for="audit-code">{ t!("console-code") }</label>
                <input id="audit-code" ref={field} autocomplete="off" />
                <button type="submit">{ t!("console-audit-search") }</button>
            </form>
            <table class="console-table" id="audit-table">
                <thead><tr>
                    <th scope="col">{ t!("console-audit-when") }</th>
                    <th scope="col">{ t!("console-audit-who") }</th>
                    <th scope="col">{ t!("console-audit-what") }</th>
                    <th scope="col">{ t!("console-code") }</th>
                    <th scope="col">{ t!("console-audit-detail") }</th>
                </tr></thead>
                <tbody>
                    { for entries.iter().map(|entry| html! {
                        <tr>
                            <td>{ format::day_and_time(entry.at, lang) }</td>
                            <td>{ &entry.actor }</td>
                            <td>{ action_label(&entry.action) }</td>
                            <td class="code">{ entry.booking_code.as_deref().map(display_code).unwrap_or_default() }</td>
                            <td>{ &entry.detail }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
