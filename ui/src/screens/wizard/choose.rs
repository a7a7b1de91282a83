//! The first steps: what the person needs, what to bring, when and where.

use super::*;

pub(super) fn category_title(category: ProcedureCategory) -> String {
    match category {
        ProcedureCategory::StayPermit => t!("category-stay-permit"),
        ProcedureCategory::Family => t!("category-family"),
        ProcedureCategory::Work => t!("category-work"),
        ProcedureCategory::Citizenship => t!("category-citizenship"),
        ProcedureCategory::Protection => t!("category-protection"),
        ProcedureCategory::Integration => t!("category-integration"),
    }
}

pub(super) fn procedure_step(
    procedures: &[Procedure],
    query: &UseStateHandle<String>,
    lang: Lang,
    update: &Update,
    go: &Callback<Step>,
) -> Html {
    let needle = query.to_lowercase();
    let matches = |procedure: &Procedure| {
        needle.is_empty()
            || procedure
                .name
                .resolve(lang)
                .text
                .to_lowercase()
                .contains(&needle)
            || procedure
                .summary
                .resolve(lang)
                .text
                .to_lowercase()
                .contains(&needle)
    };
    let on_search = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            query.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let groups = ProcedureCategory::ALL.into_iter().filter_map(|category| {
        let listed: Vec<&Procedure> = procedures
            .iter()
            .filter(|procedure| procedure.category == category && matches(procedure))
            .collect();
        (!listed.is_empty()).then(|| {
            html! {
                <section class="procedure-group" data-category={category.as_str()}>
                    <h2>{ category_title(category) }</h2>
                    <ul class="choices">
                        { for listed.into_iter().map(|procedure| {
                            let chosen = procedure.clone();
                            let pick = {
                                let update = update.clone();
                                let go = go.clone();
                                Callback::from(move |_: MouseEvent| {
                                    let chosen = chosen.clone();
                                    update.emit(Box::new(move |draft: &mut Draft| {
                                        if draft.procedure.as_ref().map(|p| &p.id) != Some(&chosen.id) {
                                            draft.ticked.clear();
                                            draft.slots = None;
                                        }
                                        draft.procedure = Some(chosen.clone());
                                        draft.notice = None;
                                    }));
                                    go.emit(Step::Documents);
                                })
                            };
                            let name = procedure.name.resolve(lang);
                            let summary = procedure.summary.resolve(lang);
                            html! {
                                <li>
                                    <button class="choice procedure-choice" data-procedure-id={procedure.id.clone()} onclick={pick}>
                                        <bdi class="choice-title" lang={name.lang.code()}>{ name.text }</bdi>
                                        <bdi class="choice-hint" lang={summary.lang.code()}>{ summary.text }</bdi>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
        })
    });
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-what") }</h2>
            <input class="search" id="procedure-search" type="search" value={(**query).clone()}
                   placeholder={t!("wizard-search")} oninput={on_search} />
            { for groups }
        </>
    }
}

pub(super) fn documents_step(
    draft: &Draft,
    lang: Lang,
    update: &Update,
    go: &Callback<Step>,
) -> Html {
    let Some(procedure) = &draft.procedure else {
        return html! {};
    };
    let next = go.reform(|_: MouseEvent| Step::Slot);
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-bring") }</h2>
            <p class="notice">{ t!("wizard-bring-hint") }</p>
            <ul class="checklist">
                { for procedure.documents.iter().enumerate().map(|(index, document)| {
                    let text = document.resolve(lang);
                    let toggle = {
                        let update = update.clone();
                        Callback::from(move |_: Event| {
                            update.emit(Box::new(move |draft: &mut Draft| {
                                if !draft.ticked.remove(&index) {
                                    draft.ticked.insert(index);
                                }
                            }));
                        })
                    };
                    html! {
                        <li>
                            <label class="check">
                                <input type="checkbox" checked={draft.ticked.contains(&index)} onchange={toggle} />
                                <bdi lang={text.lang.code()}>{ text.text }</bdi>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            <button class="primary" id="next" onclick={next}>{ t!("wizard-next") }</button>
        </>
    }
}

pub(super) fn slot_step(
    draft: &Draft,
    lang: Lang,
    office_name: &dyn Fn(&str) -> String,
    update: &Update,
    go: &Callback<Step>,
) -> Html {
    let Some(procedure) = draft.procedure.clone() else {
        return html! {};
    };
    let Some(slots) = &draft.slots else {
        return html! { <p class="notice">{ "…" }</p> };
    };
    if slots.slots.is_empty() {
        return html! { <p class="notice" id="no-slots">{ t!("wizard-no-slots") }</p> };
    }
    let choose = |slot: SlotChoice| {
        let update = update.clone();
        let go = go.clone();
        let procedure_id = procedure.id.clone();
        Callback::from(move |_: MouseEvent| {
            if slot.lease_id.is_some() {
                let slot = slot.clone();
                update.emit(Box::new(move |draft: &mut Draft| {
                    draft.chosen = Some(Chosen::Leased(slot.clone()));
                    draft.notice = None;
                }));
                go.emit(Step::Person);
                return;
            }
            let request = HoldRequest {
                procedure_id: procedure_id.clone(),
                office_id: slot.office_id.clone(),
                start: slot.start,
            };
            let update = update.clone();
            let go = go.clone();
            update.emit(Box::new(|draft: &mut Draft| draft.busy = true));
            spawn_local(async move {
                let outcome = backend::hold_slot(&request).await;
                let held = matches!(outcome, Ok(HoldOutcome::Held { .. }));
                update.emit(Box::new(move |draft: &mut Draft| {
                    draft.busy = false;
                    match &outcome {
                        Ok(HoldOutcome::Held { hold }) => {
                            draft.chosen = Some(Chosen::Held(hold.clone()));
                            draft.notice = None;
                        }
                        Ok(HoldOutcome::Taken { alternatives }) => {
                            draft.slots = Some(SlotList {
                                source: SlotSource::Live,
                                slots: alternatives.iter().cloned().map(SlotChoice::from).collect(),
                            });
                            draft.notice = Some(Notice::Taken);
                        }
                        Ok(HoldOutcome::Offline { leased }) => {
                            draft.slots = Some(SlotList {
                                source: SlotSource::Leased,
                                slots: leased.clone(),
                            });
                            draft.notice = Some(Notice::Offline);
                        }
                        Err(backend::BackendError::Command(CommandError::NotEnrolled)) => {
                            draft.notice = Some(Notice::NotEnrolled);
                        }
                        Ok(HoldOutcome::Refused { .. }) | Err(_) => {
                            draft.slots = None;
                            draft.notice = Some(Notice::Failed);
                        }
                    }
                }));
                if held {
                    go.emit(Step::Person);
                }
            });
        })
    };
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-when") }</h2>
            <ul class="choices slots" data-source={if slots.source == SlotSource::Live { "live" } else { "leased" }}>
                { for slots.slots.iter().take(30).map(|slot| html! {
                    <li>
                        <button class="choice slot-choice" disabled={draft.busy}
                                data-start={slot.start.to_string()} onclick={choose(slot.clone())}>
                            <span class="choice-title">{ format::long_day_and_time(slot.start.as_second(), lang) }</span>
                            <bdi class="choice-hint" lang="it">{ office_name(&slot.office_id) }</bdi>
                        </button>
                    </li>
                }) }
            </ul>
        </>
    }
}
