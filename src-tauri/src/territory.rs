//! The services map's base map, drawn from the territory data compiled into the kiosk
//! (`data/territory/`: comune boundaries and province outlines of Asti and Matera, Openpolis
//! and ISTAT, CC BY 4.0). Projected once to Web Mercator SVG paths, thinned to what a screen
//! can show, and kept: no network, no tile server.

use sportello_core::directory::view::{MapBase, MapShape, PathWriter, mercator};
use sportello_core::model::GeoPoint;
use std::sync::LazyLock;

const SOURCES: [(&str, &str); 4] = [
    ("AT", include_str!("../data/territory/provincia_AT.geojson")),
    ("MT", include_str!("../data/territory/provincia_MT.geojson")),
    ("AT", include_str!("../data/territory/comuni_AT.geojson")),
    ("MT", include_str!("../data/territory/comuni_MT.geojson")),
];

/// Points closer than this to the previous one (map units, ~30 m) are dropped: invisible at
/// any zoom the kiosk offers, and they would only weigh on the screen.
const MIN_STEP: f64 = 1.0;

/// The base map, built on first use.
pub fn base() -> &'static MapBase {
    static BASE: LazyLock<MapBase> = LazyLock::new(|| {
        let mut base = MapBase {
            provinces: Vec::new(),
            comuni: Vec::new(),
        };
        for (i, (province, text)) in SOURCES.into_iter().enumerate() {
            let shapes = shapes(province, text);
            if i < 2 {
                base.provinces.extend(shapes);
            } else {
                base.comuni.extend(shapes);
            }
        }
        base
    });
    &BASE
}

fn shapes(province: &str, geojson: &str) -> Vec<MapShape> {
    // The files are compiled in and checked by the tests: a broken one is a build mistake.
    let collection: serde_json::Value =
        serde_json::from_str(geojson).expect("territory GeoJSON compiled into the kiosk");
    collection["features"]
        .as_array()
        .map(|features| {
            features
                .iter()
                .map(|feature| {
                    let properties = &feature["properties"];
                    let code = properties["istat"].as_str().unwrap_or(province).to_owned();
                    let name = properties["name"].as_str().unwrap_or(province).to_owned();
                    MapShape {
                        code,
                        name,
                        path: path(&feature["geometry"]),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A Polygon or MultiPolygon as one SVG path (rings closed, holes by the even-odd rule).
fn path(geometry: &serde_json::Value) -> String {
    let polygons: Vec<&serde_json::Value> = match geometry["type"].as_str() {
        Some("Polygon") => vec![&geometry["coordinates"]],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .map(|p| p.iter().collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut path = PathWriter::new(MIN_STEP);
    for ring in polygons
        .into_iter()
        .filter_map(|polygon| polygon.as_array())
        .flatten()
        .filter_map(|ring| ring.as_array())
    {
        path.add(
            ring.iter().filter_map(|position| {
                let (lon, lat) = (position[0].as_f64()?, position[1].as_f64()?);
                Some(mercator(GeoPoint { lat, lon }))
            }),
            true,
        );
    }
    path.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_provinces_and_every_comune_are_drawn() {
        let base = base();
        assert_eq!(base.provinces.len(), 2);
        // 117 comuni of Asti and 31 of Matera (ISTAT, 2023).
        assert_eq!(base.comuni.len(), 148);
        assert!(
            base.comuni
                .iter()
                .any(|c| c.code == "005005" && c.name == "Asti")
        );
        assert!(
            base.comuni
                .iter()
                .all(|c| c.path.starts_with('M') && c.path.ends_with('Z'))
        );
        let bytes: usize = base.comuni.iter().map(|c| c.path.len()).sum();
        assert!(bytes < 400_000, "{bytes} bytes of paths");
    }
}
