//! The last steps: the review, the booking, the receipt printed and shown.

use super::*;

pub(super) fn review_step(
    draft: &Draft,
    lang: Lang,
    office_name: &dyn Fn(&str) -> String,
    update: &Update,
    go: &Callback<Step>,
) -> Html {
    let (Some(procedure), Some(chosen)) = (&draft.procedure, &draft.chosen) else {
        return html! {};
    };
    let confirm = {
        let update = update.clone();
        let go = go.clone();
        let chosen = chosen.clone();
        let form = draft.person.clone();
        let mediator = draft.mediator.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(person) = form.person() else {
                go.emit(Step::Person);
                return;
            };
            let update = update.clone();
            let go = go.clone();
            let chosen = chosen.clone();
            let mediator = mediator.clone();
            update.emit(Box::new(|draft: &mut Draft| draft.busy = true));
            spawn_local(async move {
                let mut outcome = match &chosen {
                    Chosen::Held(hold) => {
                        let request = ConfirmRequest {
                            person,
                            mediator_language: mediator,
                        };
                        backend::confirm_booking(hold, &request).await
                    }
                    Chosen::Leased(slot) => {
                        backend::book_leased(
                            slot.lease_id.as_deref().unwrap_or_default(),
                            &person,
                            mediator.as_deref(),
                        )
                        .await
                    }
                };
                // The link dropped after sending: the answer comes when it is back.
                while let Ok(BookOutcome::Pending { outbox_id }) = outcome {
                    update.emit(Box::new(|draft: &mut Draft| {
                        draft.notice = Some(Notice::Pending)
                    }));
                    yew::platform::time::sleep(std::time::Duration::from_secs(2)).await;
                    outcome = backend::booking_outcome(outbox_id).await;
                }
                let next = match &outcome {
                    Ok(BookOutcome::Booked { .. } | BookOutcome::BookedOffline { .. }) => {
                        Step::Receipt
                    }
                    Ok(BookOutcome::Invalid { .. }) => Step::Person,
                    Ok(BookOutcome::HoldExpired | BookOutcome::LeaseGone { .. }) => Step::Slot,
                    _ => Step::Review,
                };
                update.emit(Box::new(move |draft: &mut Draft| {
                    draft.busy = false;
                    draft.notice = None;
                    match &outcome {
                        Ok(BookOutcome::Booked { booking }) => {
                            draft.receipt = Some(Receipt {
                                code: booking.code.clone(),
                                token: booking.receipt.clone().unwrap_or_default(),
                                office_id: booking.office_id.clone(),
                                start: booking.start.as_second(),
                                offline: false,
                            });
                        }
                        Ok(BookOutcome::BookedOffline {
                            code,
                            receipt,
                            office_id,
                            start,
                            ..
                        }) => {
                            draft.receipt = Some(Receipt {
                                code: code.clone(),
                                token: receipt.clone(),
                                office_id: office_id.clone(),
                                start: start.as_second(),
                                offline: true,
                            });
                        }
                        Ok(BookOutcome::AlreadyBooked { existing }) => {
                            draft.notice = Some(Notice::AlreadyBooked(existing.clone()));
                        }
                        Ok(BookOutcome::Invalid { fields }) => draft.errors = fields.clone(),
                        Ok(BookOutcome::HoldExpired) => {
                            draft.chosen = None;
                            draft.slots = None;
                            draft.notice = Some(Notice::HoldExpired);
                        }
                        Ok(BookOutcome::LeaseGone { leased }) => {
                            draft.chosen = None;
                            draft.slots = Some(SlotList {
                                source: SlotSource::Leased,
                                slots: leased.clone(),
                            });
                            draft.notice = Some(Notice::LeaseGone);
                        }
                        Err(backend::BackendError::Command(CommandError::NotEnrolled)) => {
                            draft.notice = Some(Notice::NotEnrolled);
                        }
                        _ => draft.notice = Some(Notice::Failed),
                    }
                }));
                go.emit(next);
            });
        })
    };
    let name = procedure.name.resolve(lang);
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-review") }</h2>
            <dl class="review">
                <dt>{ t!("receipt-procedure") }</dt>
                <dd><bdi lang={name.lang.code()}>{ name.text }</bdi></dd>
                <dt>{ t!("receipt-when") }</dt>
                <dd id="review-when">{ format::long_day_and_time(chosen.start(), lang) }</dd>
                <dt>{ t!("receipt-where") }</dt>
                <dd><bdi lang="it">{ office_name(chosen.office_id()) }</bdi></dd>
                <dt>{ t!("receipt-person") }</dt>
                <dd id="review-person"><bdi lang="it">{ format!("{} {}", draft.person.given_names, draft.person.surname) }</bdi></dd>
            </dl>
            <button class="primary" id="confirm" disabled={draft.busy} onclick={confirm}>{ t!("wizard-confirm") }</button>
        </>
    }
}

/// The receipt's lines for the printer: in Italian, then in the person's language (the
/// printer leaves out what its characters cannot show; the screen shows everything).
pub(super) fn printed_lines(
    draft: &Draft,
    lang: Lang,
    offices: &[Office],
) -> Vec<(String, String)> {
    let (Some(receipt), Some(procedure)) = (&draft.receipt, &draft.procedure) else {
        return Vec::new();
    };
    let office = offices.iter().find(|office| office.id == receipt.office_id);
    let place = office.map_or_else(
        || receipt.office_id.clone(),
        |office| format!("{}, {}", office.name, office.address.one_line()),
    );
    let mut languages = vec![Lang::It];
    if lang != Lang::It {
        languages.push(lang);
    }
    let mut lines = Vec::new();
    for language in languages {
        let label = |id: &str| {
            if language == Lang::It {
                crate::i18n::italian(id)
            } else {
                crate::i18n::loader().get(id)
            }
        };
        lines.push((
            label("receipt-procedure"),
            procedure.name.resolve(language).text.to_owned(),
        ));
        lines.push((
            label("receipt-when"),
            format::long_day_and_time(receipt.start, language),
        ));
        lines.push((label("receipt-where"), place.clone()));
        let documents: Vec<&str> = procedure
            .documents
            .iter()
            .map(|document| document.resolve(language).text)
            .collect();
        lines.push((label("receipt-bring"), documents.join("; ")));
        if let Some(mediator) = &draft.mediator {
            lines.push((label("wizard-mediator"), mediator.clone()));
        }
        lines.push((label("receipt-cancel-how"), label("manage-hint")));
    }
    lines
}

pub(super) fn receipt_step(
    draft: &Draft,
    lang: Lang,
    office_name: &dyn Fn(&str) -> String,
    leave: &Callback<()>,
    update: &Update,
    offices: &[Office],
) -> Html {
    let (Some(receipt), Some(procedure)) = (&draft.receipt, &draft.procedure) else {
        return html! {};
    };
    let name = procedure.name.resolve(lang);
    let finish = leave.reform(|_: MouseEvent| ());
    let qr = format!("{}{}", draft.receipt_url, receipt.token);
    let print = {
        let printed = sportello_core::kiosk::PrintedReceipt {
            code: receipt.code.clone(),
            qr: qr.clone(),
            lines: printed_lines(draft, lang, offices),
        };
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            let printed = printed.clone();
            let update = update.clone();
            spawn_local(async move {
                let outcome = match backend::print_receipt(&printed).await {
                    Ok(()) => Printed::Done,
                    Err(backend::BackendError::Command(CommandError::PrinterOutOfPaper)) => {
                        Printed::OutOfPaper
                    }
                    Err(_) => Printed::Failed,
                };
                update.emit(Box::new(move |draft: &mut Draft| {
                    draft.printed = Some(outcome)
                }));
            });
        })
    };
    html! {
        <div class="receipt" id="receipt">
            <p class="receipt-done">{ t!("receipt-done") }</p>
            <p class="receipt-code-label">{ t!("receipt-code") }</p>
            <p class="receipt-code" id="receipt-code">{ &receipt.code }</p>
            <div class="qr" id="receipt-qr" data-token={receipt.token.clone()} data-qr={qr.clone()}>{ crate::components::qr::qr_svg(&qr) }</div>
            <dl class="review">
                <dt>{ t!("receipt-procedure") }</dt>
                <dd><bdi lang={name.lang.code()}>{ name.text }</bdi></dd>
                <dt>{ t!("receipt-when") }</dt>
                <dd>{ format::long_day_and_time(receipt.start, lang) }</dd>
                <dt>{ t!("receipt-where") }</dt>
                <dd><bdi lang="it">{ office_name(&receipt.office_id) }</bdi></dd>
                <dt>{ t!("receipt-bring") }</dt>
                <dd>
                    <ul>
                        { for procedure.documents.iter().map(|document| {
                            let text = document.resolve(lang);
                            html! { <li><bdi lang={text.lang.code()}>{ text.text }</bdi></li> }
                        }) }
                    </ul>
                </dd>
                if let Some(mediator) = &draft.mediator {
                    <dt>{ t!("wizard-mediator") }</dt>
                    <dd>{ mediator.parse::<Lang>().map(|l| l.native_name().to_owned()).unwrap_or_else(|_| mediator.clone()) }</dd>
                }
            </dl>
            if receipt.offline {
                <p class="notice">{ t!("receipt-offline") }</p>
            }
            <p class="notice">{ t!("receipt-photo") }</p>
            { match draft.printed {
                Some(Printed::Done) => html! { <p class="notice" id="printed" role="status">{ t!("receipt-printed") }</p> },
                Some(Printed::OutOfPaper) => html! { <p class="notice error" id="print-failed" role="alert">{ t!("receipt-print-no-paper") }</p> },
                Some(Printed::Failed) => html! { <p class="notice error" id="print-failed" role="alert">{ t!("receipt-print-failed") }</p> },
                None => html! {},
            } }
            <div class="actions">
                if draft.printer {
                    <button class="primary" id="print" onclick={print}>{ t!("receipt-print") }</button>
                }
                <button class="primary" id="finish" onclick={finish}>{ t!("receipt-finish") }</button>
            </div>
        </div>
    }
}

pub(super) fn notice_view(
    notice: &Notice,
    lang: Lang,
    office_name: &dyn Fn(&str) -> String,
) -> Html {
    let text = match notice {
        Notice::Taken => t!("error-slot-taken"),
        Notice::Offline => t!("notice-offline-leases"),
        Notice::AlreadyBooked(existing) => match (existing.start, &existing.office_id) {
            (Some(start), Some(office)) => t!(
                "error-already-booked-at",
                when = format::long_day_and_time(start.as_second(), lang),
                office = office_name(office)
            ),
            _ => t!("error-already-booked"),
        },
        Notice::HoldExpired => t!("error-hold-expired"),
        Notice::LeaseGone => t!("error-lease-gone"),
        Notice::Pending => t!("notice-pending"),
        Notice::NotEnrolled => t!("kiosk-not-enrolled"),
        Notice::Failed => t!("error-unexpected"),
    };
    let class = if matches!(notice, Notice::Offline | Notice::Pending) {
        "notice"
    } else {
        "notice error"
    };
    html! { <p class={class} id="wizard-notice" role="alert">{ text }</p> }
}

#[derive(Properties, PartialEq)]
pub(super) struct CountdownProps {
    pub(super) until: i64,
}

/// The minutes left on the hold, always in sight while the person types.
#[function_component]
pub(super) fn Countdown(props: &CountdownProps) -> Html {
    let now = use_state(|| (js_sys::Date::now() / 1000.0) as i64);
    {
        let now = now.setter();
        use_effect_with((), move |()| {
            let alive = std::rc::Rc::new(std::cell::Cell::new(true));
            let running = alive.clone();
            spawn_local(async move {
                while running.get() {
                    yew::platform::time::sleep(std::time::Duration::from_secs(1)).await;
                    now.set((js_sys::Date::now() / 1000.0) as i64);
                }
            });
            move || alive.set(false)
        });
    }
    let left = (props.until - *now).max(0);
    html! {
        <p class="countdown" id="countdown" aria-live="off">
            // One placeable: minutes and seconds must not be reordered in a right-to-left line.
            { t!("wizard-hold-left", time = format!("{}:{:02}", left / 60, left % 60)) }
        </p>
    }
}
