//! Who: the person's details, checked as typed, and the mediator's language.

use super::*;

pub(super) fn field_message(problem: FieldProblem) -> String {
    match problem {
        FieldProblem::Missing => t!("field-missing"),
        FieldProblem::TooLong => t!("field-too-long"),
        FieldProblem::NotLatin => t!("field-not-latin"),
        FieldProblem::ImplausibleDate => t!("field-bad-date"),
        FieldProblem::UnknownCountry => t!("field-unknown-country"),
        FieldProblem::BadFormat | FieldProblem::BadCheckCharacter => t!("field-bad-format"),
    }
}

pub(super) fn person_step(draft: &Draft, lang: Lang, update: &Update, go: &Callback<Step>) -> Html {
    let form = &draft.person;
    let error = |field: &str| {
        draft
            .errors
            .iter()
            .find(|error| error.field.starts_with(&format!("person.{field}")))
            .map(|error| html! { <span class="field-error" role="alert">{ field_message(error.problem) }</span> })
    };
    let input = |field: &'static str, value: &str, label: String, kind: &'static str| {
        let update = update.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            update.emit(Box::new(move |draft: &mut Draft| {
                let form = &mut draft.person;
                let slot = match field {
                    "given_names" => &mut form.given_names,
                    "surname" => &mut form.surname,
                    "date_of_birth" => &mut form.date_of_birth,
                    "document_number" => &mut form.document_number,
                    "nationality_search" => &mut form.nationality_search,
                    _ => &mut form.phone,
                };
                *slot = value.clone();
                draft.corrected(field);
            }));
        });
        html! {
            <label class="field">
                <span class="field-label">{ label }</span>
                // Names and numbers are typed in Latin script, left to right, whatever the
                // language of the screen.
                <input id={format!("person-{field}")} type={kind} value={value.to_owned()} {oninput}
                       autocomplete="off" dir="ltr" inputmode="none"
                       placeholder={(field == "date_of_birth").then(|| t!("date-placeholder"))} />
                { error(field).unwrap_or_default() }
            </label>
        }
    };
    let select =
        |field: &'static str, value: &str, label: String, options: Vec<(String, String)>| {
            let update = update.clone();
            let onchange = Callback::from(move |event: Event| {
                let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                update.emit(Box::new(move |draft: &mut Draft| {
                    if field == "nationality" {
                        draft.person.nationality = value.clone();
                    } else {
                        draft.person.document_kind = value.clone();
                    }
                    draft.corrected(field);
                }));
            });
            html! {
                <label class="field">
                    <span class="field-label">{ label }</span>
                    <select id={format!("person-{field}")} {onchange}>
                        <option value="" selected={value.is_empty()}>{ "—" }</option>
                        { for options.into_iter().map(|(code, name)| html! {
                            <option value={code.clone()} selected={code == value}>{ name }</option>
                        }) }
                    </select>
                    { error(field).unwrap_or_default() }
                </label>
            }
        };
    let search = fold(&form.nationality_search);
    let mut countries: Vec<(String, String)> = country_codes()
        .into_iter()
        .filter(|code| {
            search.is_empty()
                || *code == form.nationality
                || fold(code) == search
                || fold(&format::country_name(code, lang)).contains(&search)
                || fold(&format::country_name(code, Lang::It)).contains(&search)
        })
        .map(|code| (code.to_owned(), format::country_name(code, lang)))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let search_input = {
        let update = update.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            update.emit(Box::new(move |draft: &mut Draft| {
                draft.person.nationality_search = value.clone();
                // One country left: it is the one meant.
                let search = fold(&value);
                let matches: Vec<&str> = country_codes()
                    .into_iter()
                    .filter(|code| {
                        !search.is_empty()
                            && (fold(&format::country_name(code, lang)).contains(&search)
                                || fold(&format::country_name(code, Lang::It)).contains(&search))
                    })
                    .collect();
                if let [only] = matches.as_slice() {
                    draft.person.nationality = (*only).to_owned();
                }
            }));
        })
    };
    let documents = vec![
        ("passport".to_owned(), t!("document-passport")),
        (
            "residence_permit".to_owned(),
            t!("document-residence-permit"),
        ),
        ("codice_fiscale".to_owned(), t!("document-codice-fiscale")),
    ];
    let next = {
        let update = update.clone();
        let go = go.clone();
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let checked = form.person();
            let ok = checked.is_ok();
            update.emit(Box::new(move |draft: &mut Draft| {
                draft.errors = checked.clone().err().unwrap_or_default();
            }));
            if ok {
                go.emit(Step::Mediator);
            }
        })
    };
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-who") }</h2>
            <p class="notice">{ t!("wizard-latin-hint") }</p>
            <div class="form">
                { input("given_names", &form.given_names, t!("person-given-names"), "text") }
                { input("surname", &form.surname, t!("person-surname"), "text") }
                // Typed on the on-screen keyboard: a date picker is no use on a kiosk.
                { input("date_of_birth", &form.date_of_birth, t!("person-date-of-birth"), "text") }
                <label class="field">
                    <span class="field-label">{ t!("person-nationality-search") }</span>
                    // In the person's own script: the keyboard offers their layout here.
                    <input id="person-nationality_search" type="search" value={form.nationality_search.clone()}
                           oninput={search_input} autocomplete="off" inputmode="none" />
                </label>
                { select("nationality", &form.nationality, t!("person-nationality"), countries) }
                { select("document_kind", &form.document_kind, t!("person-document"), documents) }
                { input("document_number", &form.document_number, t!("person-document-number"), "text") }
                { input("phone", &form.phone, t!("person-phone"), "tel") }
            </div>
            <button class="primary" id="next" onclick={next}>{ t!("wizard-next") }</button>
        </>
    }
}

pub(super) fn mediator_step(draft: &Draft, update: &Update, go: &Callback<Step>) -> Html {
    let recommended = draft
        .procedure
        .as_ref()
        .is_some_and(|procedure| procedure.mediator_recommended);
    let choose = |language: Option<&'static str>| {
        let update = update.clone();
        let go = go.clone();
        Callback::from(move |_: MouseEvent| {
            update.emit(Box::new(move |draft: &mut Draft| {
                draft.mediator = language.map(str::to_owned);
            }));
            go.emit(Step::Review);
        })
    };
    html! {
        <>
            <h2 class="step-title">{ t!("wizard-mediator") }</h2>
            if recommended {
                <p class="notice">{ t!("mediator-recommended") }</p>
            }
            <ul class="choices">
                <li><button class="choice" id="mediator-none" onclick={choose(None)}>{ t!("wizard-mediator-none") }</button></li>
                { for Lang::ALL.into_iter().filter(|lang| *lang != Lang::It).map(|lang| html! {
                    <li>
                        <button class="choice mediator-choice" data-lang={lang.code()} onclick={choose(Some(lang.code()))}>
                            { t!("wizard-mediator-in", language = lang.native_name()) }
                        </button>
                    </li>
                }) }
            </ul>
        </>
    }
}
