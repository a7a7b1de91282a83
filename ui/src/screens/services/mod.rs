//! The services map (after PROSSIMA, Prefettura di Matera): the places that help foreign
//! residents, by what they do, on a map drawn from the territory data the kiosk carries and
//! in a list nearest first. Everything comes from the kiosk's cache: it works offline.
//!
//! The map is SVG drawn by Yew, not Leaflet or MapLibre: the base map is a few hundred comune
//! outlines, which SVG draws crisply at any zoom with no tiles, no JavaScript library and no
//! WebGL (the kiosks' WebKitGTK may lack it); markers are Yew elements with the same
//! click handlers and `dir` as the rest of the UI, and WebDriver finds them like any button.
//! Panning moves the `viewBox` directly (no re-render per pointer move); zoom has buttons as
//! well as pinching.

mod card;
mod filters;
mod map;
mod text;

use crate::app::{StatusContext, use_lang};
use crate::backend;
use crate::components::back_button::BackButton;
use crate::components::qr::qr_svg_at;
use crate::format::language_name;
use crate::t;
use card::*;
use filters::*;
use map::*;
use sportello_core::Lang;
use sportello_core::directory::Category;
use sportello_core::directory::view::{
    HoursLine, MapBase, MapTile, PlaceCard, PlaceFilter, PlaceList, PlaceSummary, StreetMap, WORLD,
    mercator,
};
use sportello_core::schedule::{DayRun, Phrase, day_runs};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use text::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlSelectElement, PointerEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_back: Callback<()>,
}

#[function_component]
pub fn Services(props: &Props) -> Html {
    let lang = use_lang();
    let cursor = use_context::<StatusContext>().flatten().map(|s| s.cursor);
    let filter = use_state(PlaceFilter::default);
    let list = use_state(|| None::<PlaceList>);
    let base = use_state(|| None::<Rc<MapBase>>);
    let card = use_state(|| None::<PlaceCard>);
    let view = use_state(|| None::<View>);
    let place_url_set = use_state(|| true);
    let street = use_state(|| None::<StreetMap>);
    let svg_ref = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    let ready = use_mut_ref(|| false);

    {
        let base = base.setter();
        let place_url_set = place_url_set.setter();
        let street = street.setter();
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(settings) = backend::ui_settings().await {
                    place_url_set.set(!settings.place_url.is_empty());
                    street.set(settings.street_map);
                }
                if let Ok(map) = backend::map_base().await {
                    base.set(Some(Rc::new(map)));
                }
            });
        });
    }
    {
        let list = list.setter();
        let latest = use_mut_ref(|| 0u64);
        use_effect_with(
            ((*filter).clone(), lang, cursor),
            move |(filter, lang, _)| {
                let (filter, lang) = (filter.clone(), *lang);
                let asked = {
                    let mut latest = latest.borrow_mut();
                    *latest += 1;
                    *latest
                };
                spawn_local(async move {
                    if let Ok(found) = backend::places(&filter, lang).await
                        && *latest.borrow() == asked
                    {
                        list.set(Some(found));
                    }
                });
            },
        );
    }
    // The first view centres on the kiosk, once its position is known.
    {
        let view = view.clone();
        let from = list.as_ref().map(|l| l.from);
        use_effect_with(from.is_some(), move |known| {
            if *known
                && view.is_none()
                && let Some(from) = from
            {
                let (cx, cy) = mercator(from);
                view.set(Some(View {
                    cx,
                    cy,
                    zoom: START_ZOOM,
                    w: FIRST_W,
                    h: FIRST_H,
                }));
            }
        });
    }
    // The view follows the box's size (window, language, what the filters take).
    {
        let view = view.clone();
        let svg_ref = svg_ref.clone();
        use_effect(move || {
            if let (Some(current), Some(svg)) = (*view, svg_ref.cast::<Element>()) {
                let rect = svg.get_bounding_client_rect();
                let (w, h) = (rect.width().round(), rect.height().round());
                if w > 0.0
                    && h > 0.0
                    && ((w - current.w).abs() > 1.0 || (h - current.h).abs() > 1.0)
                {
                    view.set(Some(View { w, h, ..current }));
                }
            }
        });
    }
    // When the map first stands with its markers, say when (the end-to-end test measures the
    // time from the tap on the home tile).
    {
        let svg_ref = svg_ref.clone();
        let shown = list.is_some() && base.is_some() && view.is_some();
        use_effect_with(shown, move |shown| {
            if *shown && !*ready.borrow() {
                *ready.borrow_mut() = true;
                if let Some(svg) = svg_ref.cast::<Element>() {
                    let now = web_sys::window()
                        .and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok())
                        .and_then(|p| {
                            let now: js_sys::Function =
                                js_sys::Reflect::get(&p, &"now".into()).ok()?.into();
                            now.call0(&p).ok()?.as_f64()
                        })
                        .unwrap_or_default();
                    let _ = svg.set_attribute("data-ready-at", &format!("{now:.1}"));
                }
            }
        });
    }

    let open_card = {
        let card = card.setter();
        Callback::from(move |id: String| {
            let card = card.clone();
            spawn_local(async move {
                if let Ok(Some(found)) = backend::place_card(&id, lang).await {
                    card.set(Some(found));
                }
            });
        })
    };
    // On the map, the end of a drag is not a tap on the marker under the finger.
    let tap_marker = {
        let open_card = open_card.clone();
        let gesture = gesture.clone();
        Callback::from(move |id: String| {
            if !gesture.borrow().moved {
                open_card.emit(id);
            }
        })
    };

    if let Some(place) = &*card {
        let close = {
            let card = card.setter();
            Callback::from(move |()| card.set(None))
        };
        return html! {
            <section class="services" id="screen-place">
                <BackButton on_back={close} />
                { card_view(place, lang, *place_url_set) }
            </section>
        };
    }

    let filters = filters_view(&filter, list.as_ref(), lang);
    let Some(list) = &*list else {
        return html! {
            <section class="services" id="screen-map">
                <BackButton on_back={props.on_back.clone()} />
                <h1>{ t!("map-title") }</h1>
            </section>
        };
    };
    if list.total == 0 {
        return html! {
            <section class="services" id="screen-map">
                <BackButton on_back={props.on_back.clone()} />
                <h1>{ t!("map-title") }</h1>
                <p class="notice" id="map-empty">{ t!("map-empty") }</p>
            </section>
        };
    }

    let on_search = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            let text = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            filter.set(PlaceFilter {
                text: (!text.trim().is_empty()).then_some(text),
                ..(*filter).clone()
            });
        })
    };
    let places_view = if list.places.is_empty() {
        let clear = {
            let filter = filter.setter();
            Callback::from(move |_: MouseEvent| filter.set(PlaceFilter::default()))
        };
        html! {
            <div class="notice" id="map-none">
                <p>{ t!("map-none") }</p>
                <button class="chip" id="map-clear" onclick={clear}>{ t!("map-clear-filters") }</button>
            </div>
        }
    } else {
        html! {
            <ul class="choices place-list" id="place-list">
                { for list.places.iter().map(|place| {
                    let open = open_card.reform({
                        let id = place.id.clone();
                        move |_: MouseEvent| id.clone()
                    });
                    html! {
                        <li>
                            <button class="choice place-item" data-id={place.id.clone()} onclick={open}>
                                <span class="place-icons">
                                    { for place.categories.iter().map(|c| html! {
                                        <span class={classes!("cat-dot", format!("cat-{}", c.code()))}
                                              title={category_name(*c)}>{ category_icon(*c) }</span>
                                    }) }
                                </span>
                                <span class="choice-title">{ &place.name }</span>
                                <span class="choice-hint">{ &place.organization }</span>
                                <span class="place-meta">
                                    <span class={classes!("place-status", place.open.then_some("open"))}>{ phrase_text(&place.status) }</span>
                                    <span class="place-distance">{ format!("{} · {}", distance_text(place.distance_m), place.comune) }</span>
                                </span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        }
    };

    let map_view = match (&*base, *view) {
        (Some(base), Some(current)) => map_svg(
            base,
            *street,
            list,
            current,
            &view,
            &svg_ref,
            &gesture,
            &tap_marker,
        ),
        _ => html! {},
    };
    let zoom = |by: isize| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(current) = *view {
                view.set(Some(current.zoomed(by)));
            }
        })
    };
    let recenter = {
        let view = view.clone();
        let from = list.from;
        Callback::from(move |_: MouseEvent| {
            let (cx, cy) = mercator(from);
            if let Some(current) = *view {
                view.set(Some(View {
                    cx,
                    cy,
                    zoom: START_ZOOM,
                    ..current
                }));
            }
        })
    };

    html! {
        <section class="services" id="screen-map">
            <div class="services-head">
                <BackButton on_back={props.on_back.clone()} />
                <h1>{ t!("map-title") }</h1>
                <input class="search" id="map-search" type="search" value={filter.text.clone().unwrap_or_default()}
                       placeholder={t!("map-search")} oninput={on_search} autocomplete="off" />
            </div>
            { filters }
            <p class="map-count" id="map-count">{ t!("map-results", count = list.places.len()) }</p>
            <div class="services-body">
                <div class="place-column">{ places_view }</div>
                <div class="map-column">
                    <div class="map-frame">
                        { map_view }
                        <div class="map-controls">
                            <button class="map-button" id="map-zoom-in" aria-label={t!("map-zoom-in")} onclick={zoom(1)}>{ "+" }</button>
                            <button class="map-button" id="map-zoom-out" aria-label={t!("map-zoom-out")} onclick={zoom(-1)}>{ "−" }</button>
                            <button class="map-button" id="map-recenter" aria-label={t!("map-recenter")} onclick={recenter}>{ "◎" }</button>
                        </div>
                    </div>
                    <p class="attribution" id="map-attribution"><small>{ t!("map-attribution") }</small></p>
                </div>
            </div>
        </section>
    }
}
