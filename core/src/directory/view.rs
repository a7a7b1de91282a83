//! What the kiosk's UI shows of the directory: places filtered and sorted by distance, and a
//! place's card, already in the reader's language. Computed by the kiosk backend from its
//! cache, so the UI neither decodes records nor does arithmetic on hours.

use super::Category;
use crate::model::GeoPoint;
use crate::schedule::Phrase;
use serde::{Deserialize, Serialize};

/// What the person narrowed the list to; everything `None`/`false` shows every place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceFilter {
    /// Words typed by the person: every one must appear in the place's names, services,
    /// address or comune, in any language (folded as in [`crate::search::fold`]).
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub category: Option<Category>,
    /// ISTAT code.
    #[serde(default)]
    pub comune: Option<String>,
    /// ISO 639 code of a language spoken there.
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub open_now: bool,
}

/// One place in the list and on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceSummary {
    /// The location's id.
    pub id: String,
    pub name: String,
    pub organization: String,
    /// Of the services offered there, without repeats, in [`Category::ALL`] order.
    pub categories: Vec<Category>,
    pub point: GeoPoint,
    pub distance_m: u32,
    /// The comune's name as in the address.
    pub comune: String,
    pub status: Phrase,
    pub open: bool,
}

/// A comune or language the filters can offer (only those with places).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub name: String,
}

/// The places matching a filter, nearest first, and what the filters can offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceList {
    pub places: Vec<PlaceSummary>,
    /// Places in the directory before filtering.
    pub total: usize,
    /// Where distances are measured from: the kiosk.
    pub from: GeoPoint,
    pub comuni: Vec<Choice>,
    /// Language codes spoken somewhere, by how many places speak them.
    pub languages: Vec<String>,
}

/// Days (`mo` … `su`) and a span, e.g. `["tu","th"]`, "09:00", "12:00".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursLine {
    pub days: Vec<String>,
    pub opens: String,
    pub closes: String,
    /// For part of the year only, e.g. `01/06–30/09`.
    #[serde(default)]
    pub validity: Option<String>,
}

/// A service as the card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCard {
    pub name: String,
    pub description: String,
    pub categories: Vec<Category>,
    pub languages: Vec<String>,
    pub documents: Vec<String>,
    #[serde(default)]
    pub fees: Option<String>,
    /// Its own hours here, when narrower than the place's.
    pub hours: Vec<HoursLine>,
    pub temporarily_closed: bool,
}

/// Everything about one place, for its card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceCard {
    pub id: String,
    pub name: String,
    pub organization: String,
    /// Details not verified (demo data).
    pub demo: bool,
    pub address: String,
    pub point: GeoPoint,
    pub distance_m: u32,
    pub status: Phrase,
    pub hours: Vec<HoursLine>,
    pub phones: Vec<String>,
    #[serde(default)]
    pub website: Option<String>,
    pub accessibility: Vec<String>,
    pub services: Vec<ServiceCard>,
    /// The place's page on the central server, for phones (a QR code).
    pub page_url: String,
    /// `geo:` URI for the phone's maps (a QR code that works with no server).
    pub geo_uri: String,
}

/// Web Mercator, the world `WORLD` units wide: how the kiosk draws its base map and the UI
/// places markers on it, so both agree to the unit. At 45° N a kilometre is about 35 units.
pub const WORLD: f64 = 1_000_000.0;

/// A point's `(x, y)` on the map, y growing southwards.
pub fn mercator(point: GeoPoint) -> (f64, f64) {
    let x = (point.lon + 180.0) / 360.0 * WORLD;
    let phi = point.lat.to_radians();
    let y = (1.0 - (phi.tan() + 1.0 / phi.cos()).ln() / std::f64::consts::PI) / 2.0 * WORLD;
    (x, y)
}

/// Writes SVG path data in map units, one ring or line at a time, dropping points closer than
/// `min_step` to the previous one (they change nothing on screen and weigh on it).
pub struct PathWriter {
    out: String,
    min_step: f64,
}

impl PathWriter {
    pub fn new(min_step: f64) -> PathWriter {
        PathWriter {
            out: String::new(),
            min_step,
        }
    }

    /// A ring (closed with `Z`) or a line.
    pub fn add(&mut self, points: impl IntoIterator<Item = (f64, f64)>, close: bool) {
        use std::fmt::Write;
        let mut last: Option<(f64, f64)> = None;
        for (x, y) in points {
            if last.is_some_and(|(lx, ly)| (x - lx).hypot(y - ly) < self.min_step) {
                continue;
            }
            let command = if last.is_none() { 'M' } else { 'L' };
            let _ = write!(self.out, "{command}{x:.1} {y:.1}");
            last = Some((x, y));
        }
        if close && last.is_some() {
            self.out.push('Z');
        }
    }

    /// A point, drawn as a zero-length line (a round cap shows it).
    pub fn point(&mut self, (x, y): (f64, f64)) {
        use std::fmt::Write;
        let _ = write!(self.out, "M{x:.1} {y:.1}h0");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// One shape of the base map, as an SVG path in [`mercator`] units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapShape {
    /// ISTAT code of a comune, or the province's two letters.
    pub code: String,
    pub name: String,
    pub path: String,
}

/// The base map: province outlines and comune boundaries, with where the label of each comune
/// goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapBase {
    pub provinces: Vec<MapShape>,
    pub comuni: Vec<MapShape>,
}

/// A deployer's street-level map (a PMTiles archive on the kiosk): the zooms it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreetMap {
    pub min_zoom: u8,
    pub max_zoom: u8,
}

/// How a tile's shape is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShapeKind {
    Area,
    Line,
    Point,
}

/// One feature of a vector tile, as an SVG path in [`mercator`] units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TileShape {
    /// The tile's layer, e.g. `water`, `roads`, `buildings` (styled by name).
    pub layer: String,
    pub kind: ShapeKind,
    pub path: String,
}

/// A tile of the street map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapTile {
    pub z: u8,
    pub x: u32,
    pub y: u32,
    pub shapes: Vec<TileShape>,
}
