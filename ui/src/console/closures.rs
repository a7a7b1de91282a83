//! Closures and extra openings: a day's new hours for the office or one counter, the
//! appointments the change hits (each moved to a proposed free slot or cancelled), saved only
//! when every one is handled; and the people to call when no SMS gateway told them.

use super::hhmm;
use super::workspace::Day;
use crate::backend::http::{self, HttpError};
use crate::format;
use crate::t;
use sportello_core::Lang;
use sportello_core::agenda_change::{
    ChangeImpact, ChangeOutcome, ChangePlan, ChangeReason, HitAppointment, Notice, PlannedMove,
};
use sportello_core::booking::display_code;
use sportello_core::calendar::Interval;
use sportello_core::model::DayOverride;
use std::collections::HashMap;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClosuresProps {
    pub day: Day,
    pub on_error: Callback<HttpError>,
}

/// What staff decided for one hit appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Move,
    Cancel,
}

pub fn reason_label(reason: ChangeReason) -> String {
    match reason {
        ChangeReason::Strike => t!("change-reason-strike"),
        ChangeReason::Training => t!("change-reason-training"),
        ChangeReason::Staff => t!("change-reason-staff"),
        ChangeReason::Closure => t!("change-reason-closure"),
        ChangeReason::Technical => t!("change-reason-technical"),
        ChangeReason::Other => t!("change-reason-other"),
    }
}

fn input(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|input| input.value())
        .or_else(|| {
            node.cast::<HtmlSelectElement>()
                .map(|select| select.value())
        })
        .unwrap_or_default()
}

/// "08:30-11:00, 14:00-16:00" → the spans; empty: closed.
fn parse_hours(text: &str) -> Option<Vec<Interval>> {
    text.split([',', ';', ' '])
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .map(|piece| piece.parse().ok())
        .collect()
}

/// The change as the form says it, or the line that says what is wrong.
fn change_from(
    office_id: &str,
    day: &NodeRef,
    counter: &NodeRef,
    hours: &NodeRef,
    note: &NodeRef,
) -> Result<DayOverride, String> {
    let date: jiff::civil::Date = input(day)
        .parse()
        .map_err(|_| t!("console-closure-bad-day"))?;
    let hours = parse_hours(&input(hours)).ok_or_else(|| t!("console-closure-bad-hours"))?;
    let counter_id = Some(input(counter)).filter(|id| !id.is_empty());
    let note = input(note);
    if note.trim().is_empty() {
        return Err(t!("console-closure-note-missing"));
    }
    Ok(DayOverride {
        id: format!(
            "{office_id}-{date}-{}",
            counter_id.as_deref().unwrap_or("all")
        ),
        office_id: office_id.to_owned(),
        counter_id,
        day: date,
        hours,
        reason: note.chars().take(200).collect(),
    })
}

#[function_component]
pub fn Closures(props: &ClosuresProps) -> Html {
    let lang = crate::app::use_lang();
    let (day_ref, counter_ref, hours_ref, note_ref, reason_ref) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let checked = use_state(|| None::<(DayOverride, ChangeImpact)>);
    let choices = use_state(HashMap::<String, Choice>::new);
    let outcome = use_state(|| None::<ChangeOutcome>);
    let problem = use_state(|| None::<String>);
    let notices = use_state(Vec::<Notice>::new);
    // One key per plan sent: pressing again after a drop does not act twice.
    let plan_key = use_mut_ref(http::new_key);
    let refresh = use_state(|| 0u32);

    {
        let (notices, on_error) = (notices.clone(), props.on_error.clone());
        let office_id = props.day.office_id.clone();
        use_effect_with((office_id, *refresh), move |(office_id, _)| {
            let office_id = office_id.clone();
            if !office_id.is_empty() {
                spawn_local(async move {
                    match http::notices(&office_id).await {
                        Ok(list) => notices.set(list),
                        Err(err) => on_error.emit(err),
                    }
                });
            }
        });
    }

    let check = {
        let refs = (
            day_ref.clone(),
            counter_ref.clone(),
            hours_ref.clone(),
            note_ref.clone(),
        );
        let (checked, choices, outcome, problem) = (
            checked.clone(),
            choices.clone(),
            outcome.clone(),
            problem.clone(),
        );
        let (office_id, on_error) = (props.day.office_id.clone(), props.on_error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let change = match change_from(&office_id, &refs.0, &refs.1, &refs.2, &refs.3) {
                Ok(change) => change,
                Err(line) => return problem.set(Some(line)),
            };
            problem.set(None);
            outcome.set(None);
            let (checked, choices, on_error) = (checked.clone(), choices.clone(), on_error.clone());
            spawn_local(async move {
                match http::change_impact(&change).await {
                    Ok(impact) => {
                        choices.set(
                            impact
                                .hit
                                .iter()
                                .map(|hit| {
                                    let choice = if hit.proposal.is_some() {
                                        Choice::Move
                                    } else {
                                        Choice::Cancel
                                    };
                                    (hit.code.clone(), choice)
                                })
                                .collect(),
                        );
                        checked.set(Some((change, impact)));
                    }
                    Err(err) => on_error.emit(err),
                }
            });
        })
    };

    let save = {
        let (checked, choices, outcome) = (checked.clone(), choices.clone(), outcome.clone());
        let (reason_ref, plan_key, refresh, on_error) = (
            reason_ref.clone(),
            plan_key.clone(),
            refresh.clone(),
            props.on_error.clone(),
        );
        move |_| {
            let Some((change, impact)) = (*checked).clone() else {
                return;
            };
            let reason = ChangeReason::parse(&input(&reason_ref)).unwrap_or(ChangeReason::Other);
            let mut plan = ChangePlan {
                change,
                reason,
                moves: Vec::new(),
                cancellations: Vec::new(),
            };
            for hit in &impact.hit {
                match (choices.get(&hit.code), &hit.proposal) {
                    (Some(Choice::Move), Some(slot)) => plan.moves.push(PlannedMove {
                        code: hit.code.clone(),
                        office_id: slot.office_id.clone(),
                        start: slot.start,
                    }),
                    _ => plan.cancellations.push(hit.code.clone()),
                }
            }
            let key = plan_key.borrow().clone();
            let (outcome, checked, plan_key, refresh, on_error) = (
                outcome.clone(),
                checked.clone(),
                plan_key.clone(),
                refresh.clone(),
                on_error.clone(),
            );
            spawn_local(async move {
                match http::apply_change(&plan, &key).await {
                    Ok(answer) => {
                        // The next plan is another action: a key of its own.
                        *plan_key.borrow_mut() = http::new_key();
                        if answer.saved {
                            checked.set(None);
                        }
                        outcome.set(Some(answer));
                        refresh.set(*refresh + 1);
                    }
                    Err(err) => on_error.emit(err),
                }
            });
        }
    };

    let choose = |code: String, choice: Choice| {
        let choices = choices.clone();
        move |_| {
            let mut next = (*choices).clone();
            next.insert(code.clone(), choice);
            choices.set(next);
        }
    };
    let called = |notice: i64| {
        let (refresh, on_error, office_id) = (
            refresh.clone(),
            props.on_error.clone(),
            props.day.office_id.clone(),
        );
        move |_| {
            let (refresh, on_error, office_id) =
                (refresh.clone(), on_error.clone(), office_id.clone());
            spawn_local(async move {
                match http::notice_called(&office_id, notice).await {
                    Ok(()) => refresh.set(*refresh + 1),
                    Err(err) => on_error.emit(err),
                }
            });
        }
    };

    html! {
        <section class="console-closures" aria-labelledby="closures-title">
            <h2 id="closures-title">{ t!("console-tab-closures") }</h2>
            <form class="closure-form" onsubmit={check}>
                <label for="closure-day">{ t!("console-day") }</label>
                <input id="closure-day" type="date" ref={day_ref}
                    value={props.day.date.map(|d| d.to_string()).unwrap_or_default()} />
                <label for="closure-counter">{ t!("console-counter") }</label>
                <select id="closure-counter" ref={counter_ref}>
                    <option value="" selected=true>{ t!("console-closure-whole-office") }</option>
                    { for props.day.counters.iter().map(|c| html! {
                        <option value={c.id.clone()}>{ &c.name }</option>
                    }) }
                </select>
                <label for="closure-hours">{ t!("console-closure-hours") }</label>
                <input id="closure-hours" ref={hours_ref} placeholder="08:30-11:00"
                    aria-describedby="closure-hours-help" />
                <p id="closure-hours-help" class="console-help">{ t!("console-closure-hours-help") }</p>
                <label for="closure-reason">{ t!("console-closure-reason") }</label>
                <select id="closure-reason" ref={reason_ref}>
                    { for ChangeReason::ALL.iter().map(|r| html! {
                        <option value={r.as_str()} selected={*r == ChangeReason::Strike}>{ reason_label(*r) }</option>
                    }) }
                </select>
                <label for="closure-note">{ t!("console-closure-note") }</label>
                <input id="closure-note" ref={note_ref} maxlength="200" />
                <button type="submit" id="closure-check">{ t!("console-closure-check") }</button>
            </form>
            if let Some(line) = &*problem {
                <p class="console-error" role="alert" id="closure-problem">{ line }</p>
            }
            if let Some((_, impact)) = &*checked {
                <div id="closure-impact">
                    <p>{ t!("console-closure-hit", count = impact.hit.len()) }</p>
                    if !impact.hit.is_empty() {
                        <table class="console-table">
                            <thead><tr>
                                <th scope="col">{ t!("console-time") }</th>
                                <th scope="col">{ t!("console-code") }</th>
                                <th scope="col">{ t!("console-person") }</th>
                                <th scope="col">{ t!("console-closure-decision") }</th>
                            </tr></thead>
                            <tbody>
                                { for impact.hit.iter().map(|hit| hit_row(hit, choices.get(&hit.code).copied(), &choose, lang)) }
                            </tbody>
                        </table>
                    }
                    <button type="button" id="closure-save" class="primary" onclick={save}>
                        { t!("console-closure-save") }
                    </button>
                </div>
            }
            if let Some(done) = &*outcome {
                <div id="closure-outcome" role="status">
                    if done.saved {
                        <p class="scan-ok">{ t!("console-closure-saved", moved = done.moved.len(), cancelled = done.cancelled.len()) }</p>
                    } else {
                        <p class="console-error">{ t!("console-closure-not-saved", count = (done.failed.len() + done.unplanned.len())) }</p>
                    }
                </div>
            }
            <h3>{ t!("console-to-call") }</h3>
            if notices.is_empty() {
                <p id="to-call-empty">{ t!("console-to-call-none") }</p>
            } else {
                <ul class="to-call" id="to-call">
                    { for notices.iter().map(|notice| html! {
                        <li>
                            <strong>{ &notice.phone }</strong>
                            { format!(" · {} · ", display_code(&notice.code)) }
                            <span lang="it">{ &notice.text }</span>
                            <button type="button" onclick={called(notice.id)}>{ t!("console-to-call-done") }</button>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

fn hit_row<F, H>(hit: &HitAppointment, choice: Option<Choice>, choose: &F, lang: Lang) -> Html
where
    F: Fn(String, Choice) -> H,
    H: Fn(MouseEvent) + 'static,
{
    let name = format!("choice-{}", hit.code);
    html! {
        <tr data-code={hit.code.clone()}>
            <td>{ hhmm(hit.start) }</td>
            <td class="code">{ display_code(&hit.code) }</td>
            <td>{ hit.person.clone().unwrap_or_default() }
                if !hit.reachable { <span class="console-help">{ format!(" · {}", t!("console-closure-no-phone")) }</span> }
            </td>
            <td>
                if let Some(slot) = &hit.proposal {
                    <label class="choice">
                        <input type="radio" name={name.clone()} class="choice-move"
                            checked={choice == Some(Choice::Move)}
                            onclick={choose(hit.code.clone(), Choice::Move)} />
                        { t!("console-closure-move-to", when = format!("{} {}", format::long_date(sportello_core::calendar::local_date(slot.start), lang), hhmm(slot.start))) }
                    </label>
                }
                <label class="choice">
                    <input type="radio" name={name} class="choice-cancel"
                        checked={choice == Some(Choice::Cancel)}
                        onclick={choose(hit.code.clone(), Choice::Cancel)} />
                    { t!("console-closure-cancel") }
                </label>
            </td>
        </tr>
    }
}
