//! The filters above the list: categories, comune, language, open now, words.

use super::*;

pub(super) fn filters_view(
    filter: &UseStateHandle<PlaceFilter>,
    list: Option<&PlaceList>,
    lang: Lang,
) -> Html {
    let chip = |value: Option<Category>, label: String, id: String| {
        let filter = filter.clone();
        let selected = filter.category == value;
        html! {
            <button class={classes!("chip", selected.then_some("selected"))} id={id}
                    aria-pressed={selected.to_string()}
                    onclick={Callback::from(move |_| filter.set(PlaceFilter { category: value, ..(*filter).clone() }))}>
                if let Some(category) = value {
                    <span class={classes!("cat-dot", format!("cat-{}", category.code()))}>{ category_icon(category) }</span>
                }
                { label }
            </button>
        }
    };
    let on_comune = {
        let filter = filter.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(PlaceFilter {
                comune: (!value.is_empty()).then_some(value),
                ..(*filter).clone()
            });
        })
    };
    let on_language = {
        let filter = filter.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(PlaceFilter {
                language: (!value.is_empty()).then_some(value),
                ..(*filter).clone()
            });
        })
    };
    let on_open = {
        let filter = filter.clone();
        Callback::from(move |_: MouseEvent| {
            filter.set(PlaceFilter {
                open_now: !filter.open_now,
                ..(*filter).clone()
            })
        })
    };
    let comuni = list.map(|l| l.comuni.clone()).unwrap_or_default();
    let languages = list.map(|l| l.languages.clone()).unwrap_or_default();
    html! {
        <div class="map-filters">
            <div class="chips chips-scroll" role="group" aria-label={t!("map-filter-category")}>
                { chip(None, t!("map-any-category"), "map-cat-all".to_owned()) }
                { for Category::ALL.into_iter().map(|c| chip(Some(c), category_name(c), format!("map-cat-{}", c.code()))) }
            </div>
            <div class="filter-row">
                <label>
                    <span class="visually-hidden">{ t!("map-filter-comune") }</span>
                    <select id="map-comune" onchange={on_comune}>
                        <option value="" selected={filter.comune.is_none()}>{ t!("map-any-comune") }</option>
                        { for comuni.iter().map(|c| html! {
                            <option value={c.code.clone()} selected={filter.comune.as_deref() == Some(c.code.as_str())} lang="it">{ &c.name }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span class="visually-hidden">{ t!("map-filter-language") }</span>
                    <select id="map-language" onchange={on_language}>
                        <option value="" selected={filter.language.is_none()}>{ t!("map-any-language") }</option>
                        { for languages.iter().map(|code| html! {
                            <option value={code.clone()} selected={filter.language.as_deref() == Some(code.as_str())}>{ language_name(code, lang) }</option>
                        }) }
                    </select>
                </label>
                <button class={classes!("chip", filter.open_now.then_some("selected"))} id="map-open-now"
                        aria-pressed={filter.open_now.to_string()} onclick={on_open}>{ t!("map-filter-open-now") }</button>
            </div>
        </div>
    }
}
