//! The map: the view and its zoom steps, markers grouped by closeness, the gestures, and the SVG with its base and street layers.

use super::*;

/// The map's box until it is measured, in pixels.
pub(super) const FIRST_W: f64 = 800.0;
pub(super) const FIRST_H: f64 = 600.0;
/// Map units per screen pixel at each zoom step, widest first.
pub(super) const ZOOMS: [f64; 9] = [64.0, 32.0, 16.0, 8.0, 4.0, 2.0, 1.0, 0.5, 0.25];
/// 4 map units a pixel: about 60 km across a 500-pixel map, a province at a glance.
pub(super) const START_ZOOM: usize = 4;
/// Markers closer than this (pixels) become one numbered circle.
pub(super) const CLUSTER: f64 = 64.0;

/// What the map shows: its centre in map units, the zoom step, and the box's size in pixels
/// (the `viewBox` matches the box, so a marker drawn 44 units wide is 44 pixels under the
/// finger at every zoom and on every screen).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct View {
    pub(super) cx: f64,
    pub(super) cy: f64,
    pub(super) zoom: usize,
    pub(super) w: f64,
    pub(super) h: f64,
}

impl View {
    pub(super) fn scale(self) -> f64 {
        ZOOMS[self.zoom]
    }

    pub(super) fn view_box(self) -> String {
        let (w, h) = (self.w * self.scale(), self.h * self.scale());
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            self.cx - w / 2.0,
            self.cy - h / 2.0,
            w,
            h
        )
    }

    pub(super) fn zoomed(self, by: isize) -> View {
        let zoom = (self.zoom as isize + by).clamp(0, ZOOMS.len() as isize - 1) as usize;
        View { zoom, ..self }
    }
}

/// Markers where they go: grouped when they would overlap at this zoom; at the closest zoom
/// a group is spread on a small ring instead, so places in one building can each be tapped.
pub(super) fn clusters(places: &[PlaceSummary], view: View) -> Vec<(f64, f64, Vec<&PlaceSummary>)> {
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

pub(super) fn centre(group: &[&PlaceSummary]) -> (f64, f64) {
    let n = group.len() as f64;
    let (sx, sy) = group
        .iter()
        .map(|p| mercator(p.point))
        .fold((0.0, 0.0), |(ax, ay), (x, y)| (ax + x, ay + y));
    (sx / n, sy / n)
}

/// What a drag or pinch needs between pointer events.
#[derive(Default)]
pub(super) struct Gesture {
    pub(super) pointers: BTreeMap<i32, (f64, f64)>,
    /// Where the first finger came down.
    pub(super) start: (f64, f64),
    /// The view while dragging (the state is set once, at the end).
    pub(super) live: Option<View>,
    /// Moved far enough that the touch is not a tap.
    pub(super) moved: bool,
    pub(super) pinch: Option<f64>,
}

/// A finger that moves less than this (pixels) is tapping, not dragging.
pub(super) const TAP_SLOP: f64 = 10.0;

#[allow(clippy::too_many_arguments)]
pub(super) fn map_svg(
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
pub(super) struct BaseProps {
    pub(super) base: Rc<MapBase>,
}

impl PartialEq for BaseProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.base, &other.base)
    }
}

/// The comune outlines: rendered once, untouched by panning and by markers changing.
#[function_component]
pub(super) fn BaseLayer(props: &BaseProps) -> Html {
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
pub(super) fn tile_zoom(view: View) -> f64 {
    (WORLD / (view.scale() * 512.0)).log2().round()
}

#[derive(Properties, PartialEq)]
pub(super) struct TileProps {
    pub(super) zooms: StreetMap,
    pub(super) view: View,
}

/// Tiles of the deployer's street map at the zoom that gives tiles of about 512 pixels
/// (sharper than the screen needs, so the map keeps its detail between zoom steps), asked from
/// the backend as the view shows them and kept for the visit.
#[function_component]
pub(super) fn TileLayer(props: &TileProps) -> Html {
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
