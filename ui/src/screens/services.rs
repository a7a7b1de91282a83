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

use crate::app::{StatusContext, use_lang};
use crate::backend;
use crate::components::back_button::BackButton;
use crate::components::qr::qr_svg_at;
use crate::format::language_name;
use crate::t;
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
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlSelectElement, PointerEvent};
use yew::prelude::*;

/// The map's box until it is measured, in pixels.
const FIRST_W: f64 = 800.0;
const FIRST_H: f64 = 600.0;
/// Map units per screen pixel at each zoom step, widest first.
const ZOOMS: [f64; 9] = [64.0, 32.0, 16.0, 8.0, 4.0, 2.0, 1.0, 0.5, 0.25];
/// 4 map units a pixel: about 60 km across a 500-pixel map, a province at a glance.
const START_ZOOM: usize = 4;
/// Markers closer than this (pixels) become one numbered circle.
const CLUSTER: f64 = 64.0;

/// What the map shows: its centre in map units, the zoom step, and the box's size in pixels
/// (the `viewBox` matches the box, so a marker drawn 44 units wide is 44 pixels under the
/// finger at every zoom and on every screen).
#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    cx: f64,
    cy: f64,
    zoom: usize,
    w: f64,
    h: f64,
}

impl View {
    fn scale(self) -> f64 {
        ZOOMS[self.zoom]
    }

    fn view_box(self) -> String {
        let (w, h) = (self.w * self.scale(), self.h * self.scale());
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            self.cx - w / 2.0,
            self.cy - h / 2.0,
            w,
            h
        )
    }

    fn zoomed(self, by: isize) -> View {
        let zoom = (self.zoom as isize + by).clamp(0, ZOOMS.len() as isize - 1) as usize;
        View { zoom, ..self }
    }
}

pub fn category_name(category: Category) -> String {
    match category {
        Category::ItalianCourses => t!("svc-italian_courses"),
        Category::WorkTraining => t!("svc-work_training"),
        Category::Housing => t!("svc-housing"),
        Category::Health => t!("svc-health"),
        Category::SchoolMinors => t!("svc-school_minors"),
        Category::LegalImmigration => t!("svc-legal_immigration"),
        Category::Mediation => t!("svc-mediation"),
        Category::SocialServices => t!("svc-social_services"),
        Category::Associations => t!("svc-associations"),
    }
}

/// Colours far enough apart for the common colour blindnesses, each with its icon as well
/// (the same as the `.cat-*` classes of the stylesheet, which colour the list's dots).
fn category_color(category: Category) -> &'static str {
    match category {
        Category::ItalianCourses => "#1f5fbf",
        Category::WorkTraining => "#8a4b08",
        Category::Housing => "#6b3fa0",
        Category::Health => "#b3261e",
        Category::SchoolMinors => "#0b7a75",
        Category::LegalImmigration => "#1a1a1a",
        Category::Mediation => "#c2185b",
        Category::SocialServices => "#2e7d32",
        Category::Associations => "#a15c00",
    }
}

/// A category's icon in a line of text.
fn category_icon(category: Category) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8"
             stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">{ category_glyph(category) }</svg>
    }
}

/// A category's 24×24 line drawing, to go inside an icon or a map marker (no nested `<svg>`
/// on the map: WebKit would size it to the whole map).
fn category_glyph(category: Category) -> Html {
    match category {
        // An open book.
        Category::ItalianCourses => html! {<>
            <path d="M3 5c3-1 6-1 9 1v14c-3-2-6-2-9-1z" /><path d="M21 5c-3-1-6-1-9 1v14c3-2 6-2 9-1z" />
        </>},
        // A briefcase.
        Category::WorkTraining => html! {<>
            <rect x="3" y="7" width="18" height="13" rx="2" /><path d="M9 7V5h6v2M3 12h18" />
        </>},
        // A house.
        Category::Housing => html! {<>
            <path d="M3 11l9-7 9 7" /><path d="M5 10v10h14V10" /><path d="M10 20v-6h4v6" />
        </>},
        // A cross.
        Category::Health => html! {<>
            <path d="M9 3h6v6h6v6h-6v6H9v-6H3V9h6z" />
        </>},
        // A graduation cap.
        Category::SchoolMinors => html! {<>
            <path d="M2 9l10-5 10 5-10 5z" /><path d="M6 11v5c3 2 9 2 12 0v-5" />
        </>},
        // Scales.
        Category::LegalImmigration => html! {<>
            <path d="M12 3v18M7 21h10M4 7h16" /><path d="M4 7l-2 6h4zM20 7l-2 6h4z" />
        </>},
        // Two speech bubbles.
        Category::Mediation => html! {<>
            <path d="M3 5h11v7H8l-3 3v-3H3z" /><path d="M10 14v2h6l3 3v-3h2V9h-4" />
        </>},
        // A hand holding a heart.
        Category::SocialServices => html! {<>
            <path d="M12 13s-5-3-5-6a2.5 2.5 0 0 1 5-1 2.5 2.5 0 0 1 5 1c0 3-5 6-5 6z" />
            <path d="M3 16h5l3 2h6l4-3" />
        </>},
        // People.
        Category::Associations => html! {<>
            <circle cx="8" cy="8" r="3" /><circle cx="17" cy="9" r="2.5" />
            <path d="M2 20c0-4 3-6 6-6s6 2 6 6M14 15c3-1 7 0 8 4" />
        </>},
    }
}

fn day_name(code: &str) -> String {
    match code {
        "mo" => t!("day-mo"),
        "tu" => t!("day-tu"),
        "we" => t!("day-we"),
        "th" => t!("day-th"),
        "fr" => t!("day-fr"),
        "sa" => t!("day-sa"),
        _ => t!("day-su"),
    }
}

pub fn phrase_text(phrase: &Phrase) -> String {
    match phrase {
        Phrase::OpenUntil { time } => t!("place-open-until", time = time.clone()),
        Phrase::OpensToday { time } => t!("place-opens-today", time = time.clone()),
        Phrase::OpensTomorrow { time } => t!("place-opens-tomorrow", time = time.clone()),
        Phrase::OpensOn { day, time } => {
            t!("place-opens-at", day = day_name(day), time = time.clone())
        }
        Phrase::OpensOnDate { day, date, time } => t!(
            "place-opens-at",
            day = format!("{} {date}", day_name(day)),
            time = time.clone()
        ),
        Phrase::ClosedForNow => t!("place-temporarily-closed"),
        Phrase::NoHours => t!("place-no-hours"),
    }
}

fn distance_text(metres: u32) -> String {
    if metres < 1000 {
        t!("map-distance-m", metres = (metres / 10 * 10).to_string())
    } else {
        let km = f64::from(metres) / 1000.0;
        let km = if km < 10.0 {
            format!("{km:.1}")
        } else {
            format!("{km:.0}")
        };
        t!("map-distance-km", km = km)
    }
}

fn hours_text(lines: &[HoursLine]) -> Vec<String> {
    lines
        .iter()
        .map(|line| {
            let codes: Vec<&str> = line.days.iter().map(String::as_str).collect();
            let days: Vec<String> = day_runs(&codes)
                .into_iter()
                .map(|run| match run {
                    DayRun::One(day) => day_name(day),
                    DayRun::Range(first, last) => format!("{}–{}", day_name(first), day_name(last)),
                })
                .collect();
            match &line.validity {
                Some(validity) => {
                    format!(
                        "{} {}–{} ({validity})",
                        days.join(", "),
                        line.opens,
                        line.closes
                    )
                }
                None => format!("{} {}–{}", days.join(", "), line.opens, line.closes),
            }
        })
        .collect()
}

/// Markers where they go: grouped when they would overlap at this zoom; at the closest zoom
/// a group is spread on a small ring instead, so places in one building can each be tapped.
fn clusters(places: &[PlaceSummary], view: View) -> Vec<(f64, f64, Vec<&PlaceSummary>)> {
    let cell = CLUSTER * view.scale();
    let mut cells: BTreeMap<(i64, i64), Vec<&PlaceSummary>> = BTreeMap::new();
    for place in places {
        let (x, y) = mercator(place.point);
        cells
            .entry(((x / cell).floor() as i64, (y / cell).floor() as i64))
            .or_default()
            .push(place);
    }
    let closest = view.zoom == ZOOMS.len() - 1;
    cells
        .into_values()
        .flat_map(|group| {
            let (x, y) = centre(&group);
            if closest && group.len() > 1 {
                let radius = 30.0 * view.scale() * (group.len() as f64 / 6.0).max(1.0);
                let step = std::f64::consts::TAU / group.len() as f64;
                group
                    .into_iter()
                    .enumerate()
                    .map(|(i, place)| {
                        let angle = step * i as f64;
                        (
                            x + radius * angle.cos(),
                            y + radius * angle.sin(),
                            vec![place],
                        )
                    })
                    .collect::<Vec<_>>()
            } else {
                vec![(x, y, group)]
            }
        })
        .collect()
}

fn centre(group: &[&PlaceSummary]) -> (f64, f64) {
    let n = group.len() as f64;
    let (sx, sy) = group
        .iter()
        .map(|p| mercator(p.point))
        .fold((0.0, 0.0), |(ax, ay), (x, y)| (ax + x, ay + y));
    (sx / n, sy / n)
}

/// What a drag or pinch needs between pointer events.
#[derive(Default)]
struct Gesture {
    pointers: BTreeMap<i32, (f64, f64)>,
    /// Where the first finger came down.
    start: (f64, f64),
    /// The view while dragging (the state is set once, at the end).
    live: Option<View>,
    /// Moved far enough that the touch is not a tap.
    moved: bool,
    pinch: Option<f64>,
}

/// A finger that moves less than this (pixels) is tapping, not dragging.
const TAP_SLOP: f64 = 10.0;

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

fn filters_view(
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

#[allow(clippy::too_many_arguments)]
fn map_svg(
    base: &Rc<MapBase>,
    street: Option<StreetMap>,
    list: &PlaceList,
    view: View,
    state: &UseStateHandle<Option<View>>,
    svg_ref: &NodeRef,
    gesture: &Rc<RefCell<Gesture>>,
    open_card: &Callback<String>,
) -> Html {
    let scale = view.scale();
    let (hx, hy) = mercator(list.from);
    let on_down = {
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |event: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let at = (f64::from(event.client_x()), f64::from(event.client_y()));
            if g.pointers.is_empty() {
                g.moved = false;
                g.live = Some(view);
                g.start = at;
            }
            g.pointers.insert(event.pointer_id(), at);
            if g.pointers.len() == 2 {
                // Two fingers: the map follows both, wherever they go.
                if let Some(svg) = svg_ref.cast::<Element>() {
                    for id in g.pointers.keys() {
                        let _ = svg.set_pointer_capture(*id);
                    }
                }
                let points: Vec<(f64, f64)> = g.pointers.values().copied().collect();
                g.pinch = Some((points[0].0 - points[1].0).hypot(points[0].1 - points[1].1));
            }
        })
    };
    let on_move = {
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |event: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let id = event.pointer_id();
            let Some(&(last_x, last_y)) = g.pointers.get(&id) else {
                return;
            };
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            g.pointers.insert(id, (x, y));
            let Some(mut live) = g.live else { return };
            if g.pointers.len() == 1 {
                let (dx, dy) = (x - last_x, y - last_y);
                if dx.abs() + dy.abs() > 0.0 {
                    let k = live.scale();
                    live.cx -= dx * k;
                    live.cy -= dy * k;
                }
            } else if let Some(start) = g.pinch {
                let points: Vec<(f64, f64)> = g.pointers.values().copied().collect();
                let now = (points[0].0 - points[1].0).hypot(points[0].1 - points[1].1);
                if now > start * 1.4 {
                    live = live.zoomed(1);
                    g.pinch = Some(now);
                } else if now < start / 1.4 {
                    live = live.zoomed(-1);
                    g.pinch = Some(now);
                }
            }
            if !g.moved && (x - g.start.0).hypot(y - g.start.1) > TAP_SLOP {
                // A drag: the map keeps the finger even off its edge. Captured only now, so a
                // tap's click still goes to the marker under the finger.
                g.moved = true;
                if let Some(svg) = svg_ref.cast::<Element>() {
                    let _ = svg.set_pointer_capture(id);
                }
            }
            if !g.moved {
                return;
            }
            g.live = Some(live);
            // Straight to the element: no Yew render per pointer move.
            if let Some(svg) = svg_ref.cast::<Element>() {
                let _ = svg.set_attribute("viewBox", &live.view_box());
            }
        })
    };
    let on_up = {
        let gesture = gesture.clone();
        let state = state.clone();
        Callback::from(move |event: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.remove(&event.pointer_id());
            if g.pointers.len() < 2 {
                g.pinch = None;
            }
            if g.pointers.is_empty()
                && let Some(live) = g.live.take()
                && live != view
            {
                state.set(Some(live));
            }
        })
    };
    let markers = clusters(&list.places, view).into_iter().map(|(x, y, group)| {
        let transform = format!("translate({x:.1} {y:.1}) scale({scale})");
        if let [place] = group.as_slice() {
            let category = place.categories.first().copied().unwrap_or(Category::Associations);
            let open = open_card.reform({
                let id = place.id.clone();
                move |_: MouseEvent| id.clone()
            });
            html! {
                <g class="marker" data-id={place.id.clone()} transform={transform} onclick={open}
                   role="button" aria-label={place.name.clone()}>
                    <circle r="22" fill={category_color(category)} stroke="#fff" stroke-width="3" />
                    <g transform="translate(-12 -12)" fill="none" stroke="#fff" stroke-width="2"
                       stroke-linecap="round" stroke-linejoin="round">{ category_glyph(category) }</g>
                </g>
            }
        } else {
            let zoom_in = {
                let state = state.clone();
                let gesture = gesture.clone();
                Callback::from(move |_: MouseEvent| {
                    if !gesture.borrow().moved {
                        state.set(Some(View { cx: x, cy: y, ..view }.zoomed(2)));
                    }
                })
            };
            html! {
                <g class="cluster" transform={transform} onclick={zoom_in} role="button"
                   aria-label={t!("map-cluster", count = group.len())}>
                    <circle r="26" fill="#1f5fbf" stroke="#fff" stroke-width="3" />
                    <text text-anchor="middle" dy="8" fill="#fff" font-size="22" font-weight="700">{ group.len() }</text>
                </g>
            }
        }
    });
    html! {
        <svg class="services-map" id="services-map" ref={svg_ref.clone()} viewBox={view.view_box()}
             preserveAspectRatio="xMidYMid slice" onpointerdown={on_down} onpointermove={on_move}
             onpointerup={on_up.clone()} onpointercancel={on_up} dir="ltr">
            // The street map where it has tiles for this zoom; wider than its widest zoom,
            // the outlines (a whole region in street tiles would be thousands of them).
            if let Some(zooms) = street.filter(|z| tile_zoom(view) >= f64::from(z.min_zoom)) {
                <TileLayer zooms={zooms} view={view} />
            } else {
                <BaseLayer base={base.clone()} />
            }
            <g class="here" transform={format!("translate({hx:.1} {hy:.1}) scale({scale})")}>
                <circle r="10" fill="#0b57d0" stroke="#fff" stroke-width="4" />
                <title>{ t!("map-you-are-here") }</title>
            </g>
            { for markers }
        </svg>
    }
}

#[derive(Properties)]
struct BaseProps {
    base: Rc<MapBase>,
}

impl PartialEq for BaseProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.base, &other.base)
    }
}

/// The comune outlines: rendered once, untouched by panning and by markers changing.
#[function_component]
fn BaseLayer(props: &BaseProps) -> Html {
    html! {
        <g class="base">
            { for props.base.provinces.iter().map(|shape| html! {
                <path class="province" d={shape.path.clone()} />
            }) }
            { for props.base.comuni.iter().map(|shape| html! {
                <path class="comune" d={shape.path.clone()} data-istat={shape.code.clone()}>
                    <title>{ &shape.name }</title>
                </path>
            }) }
        </g>
    }
}

/// The tile zoom whose tiles are about 512 pixels at this view.
fn tile_zoom(view: View) -> f64 {
    (WORLD / (view.scale() * 512.0)).log2().round()
}

#[derive(Properties, PartialEq)]
struct TileProps {
    zooms: StreetMap,
    view: View,
}

/// Tiles of the deployer's street map at the zoom that gives tiles of about 512 pixels
/// (sharper than the screen needs, so the map keeps its detail between zoom steps), asked from
/// the backend as the view shows them and kept for the visit.
#[function_component]
fn TileLayer(props: &TileProps) -> Html {
    let tiles = use_mut_ref(HashMap::<(u8, u32, u32), Option<Rc<MapTile>>>::new);
    let loaded = use_mut_ref(|| 0u32);
    let redraw = use_force_update();
    let view = props.view;
    let ideal = tile_zoom(view);
    let z = (ideal.max(0.0) as u8).clamp(props.zooms.min_zoom, props.zooms.max_zoom);
    let size = WORLD / f64::from(1u32 << z);
    let count = 1u32 << z;
    let span = |centre: f64, half: f64| {
        let first = ((centre - half) / size).floor().max(0.0) as u32;
        let last = (((centre + half) / size).floor().max(0.0) as u32).min(count - 1);
        first.saturating_sub(1)..=(last + 1).min(count - 1)
    };
    let (xs, ys) = (
        span(view.cx, view.w * view.scale() / 2.0),
        span(view.cy, view.h * view.scale() / 2.0),
    );
    let visible: Vec<(u8, u32, u32)> = xs
        .flat_map(|x| ys.clone().map(move |y| (z, x, y)))
        .take(64)
        .collect();
    {
        let tiles = tiles.clone();
        let loaded = loaded.clone();
        use_effect_with(visible.clone(), move |visible| {
            for &(z, x, y) in visible {
                if tiles.borrow().contains_key(&(z, x, y)) {
                    continue;
                }
                tiles.borrow_mut().insert((z, x, y), None);
                let tiles = tiles.clone();
                let loaded = loaded.clone();
                let redraw = redraw.clone();
                spawn_local(async move {
                    match backend::map_tile(z, x, y).await {
                        Ok(Some(tile)) => {
                            tiles.borrow_mut().insert((z, x, y), Some(Rc::new(tile)));
                            *loaded.borrow_mut() += 1;
                            redraw.force_update();
                        }
                        // No tile there (sea, outside the extract): nothing to draw.
                        Ok(None) => {}
                        // The backend did not answer: asked again when the view moves.
                        Err(_) => {
                            tiles.borrow_mut().remove(&(z, x, y));
                        }
                    }
                });
            }
        });
    }
    let held = tiles.borrow();
    html! {
        <g class="tiles" data-zoom={z.to_string()} data-loaded={loaded.borrow().to_string()}>
            { for visible.iter().filter_map(|key| held.get(key).cloned().flatten()).map(|tile| html! {
                <g class="tile" data-tile={format!("{}/{}/{}", tile.z, tile.x, tile.y)}>
                    { for tile.shapes.iter().map(|shape| html! {
                        <path class={format!("tile-shape {} layer-{}", match shape.kind {
                                sportello_core::directory::view::ShapeKind::Area => "area",
                                sportello_core::directory::view::ShapeKind::Line => "line",
                                sportello_core::directory::view::ShapeKind::Point => "point",
                            }, shape.layer)}
                              d={shape.path.clone()} />
                    }) }
                </g>
            }) }
        </g>
    }
}

fn card_view(place: &PlaceCard, lang: Lang, page_qr: bool) -> Html {
    let hours = hours_text(&place.hours);
    html! {
        <article class="place-card" id="place-card" data-id={place.id.clone()}>
            <h1 id="place-name">{ &place.name }</h1>
            <p class="choice-hint">{ &place.organization }</p>
            if place.demo {
                <p class="notice" id="place-demo">{ t!("place-demo") }</p>
            }
            <p class={classes!("place-status", "big", matches!(place.status, Phrase::OpenUntil { .. }).then_some("open"))} id="place-status">
                { phrase_text(&place.status) }
            </p>
            <div class="place-columns">
                <dl class="place-facts">
                    <dt>{ t!("place-address") }</dt>
                    <dd id="place-address"><bdi lang="it">{ &place.address }</bdi>{ " · " }{ distance_text(place.distance_m) }</dd>
                    if !hours.is_empty() {
                        <dt>{ t!("place-hours") }</dt>
                        <dd id="place-hours">{ for hours.iter().map(|line| html! { <div>{ line }</div> }) }</dd>
                    }
                    if !place.phones.is_empty() {
                        <dt>{ t!("place-phone") }</dt>
                        <dd id="place-phones">{ for place.phones.iter().map(|p| html! { <div dir="ltr" class="phone">{ p }</div> }) }</dd>
                    }
                    if let Some(website) = &place.website {
                        <dt>{ t!("place-website") }</dt>
                        <dd dir="ltr">{ website }</dd>
                    }
                    if !place.accessibility.is_empty() {
                        <dt>{ t!("place-accessibility") }</dt>
                        <dd>{ for place.accessibility.iter().map(|a| html! { <div>{ a }</div> }) }</dd>
                    }
                </dl>
                <div class="place-qr">
                    if page_qr {
                        <figure id="place-qr-page" data-url={place.page_url.clone()}>
                            { qr_svg_at(&place.page_url, 200) }
                            <figcaption>{ t!("place-qr-page") }</figcaption>
                        </figure>
                    }
                    <figure id="place-qr-geo" data-url={place.geo_uri.clone()}>
                        { qr_svg_at(&place.geo_uri, 200) }
                        <figcaption>{ t!("place-qr-geo") }</figcaption>
                    </figure>
                </div>
            </div>
            <h2>{ t!("place-services") }</h2>
            <ul class="place-services">
                { for place.services.iter().map(|service| {
                    let hours = hours_text(&service.hours);
                    html! {
                        <li class="place-service">
                            <h3>
                                { for service.categories.iter().map(|c| html! {
                                    <span class={classes!("cat-dot", format!("cat-{}", c.code()))} title={category_name(*c)}>{ category_icon(*c) }</span>
                                }) }
                                { &service.name }
                            </h3>
                            <p class="service-categories">{ service.categories.iter().map(|c| category_name(*c)).collect::<Vec<_>>().join(" · ") }</p>
                            if service.temporarily_closed {
                                <p class="notice error">{ t!("place-temporarily-closed") }</p>
                            }
                            <p>{ &service.description }</p>
                            if !hours.is_empty() {
                                <p><strong>{ t!("place-hours") }{ ": " }</strong>{ hours.join("; ") }</p>
                            }
                            if !service.languages.is_empty() {
                                <p class="service-languages"><strong>{ t!("place-languages") }{ ": " }</strong>
                                    { service.languages.iter().map(|code| language_name(code, lang)).collect::<Vec<_>>().join(", ") }</p>
                            }
                            if !service.documents.is_empty() {
                                <p><strong>{ t!("place-documents") }</strong></p>
                                <ul>{ for service.documents.iter().map(|d| html! { <li>{ d }</li> }) }</ul>
                            }
                            if let Some(fees) = &service.fees {
                                <p><strong>{ t!("place-fees") }{ ": " }</strong>{ fees }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
            <p class="attribution"><small>{ t!("map-attribution") }</small></p>
        </article>
    }
}
