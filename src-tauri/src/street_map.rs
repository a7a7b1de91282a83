//! A deployer's street-level base map: a PMTiles archive of Mapbox Vector Tiles (e.g. an
//! OpenStreetMap extract of the province made with Protomaps or Planetiler), named by
//! `street_map` in kiosk.toml. When it is there the services map draws its tiles instead of
//! the comune outlines; when it is not, or cannot be read, the outlines serve.
//!
//! The archive is read in place (memory-mapped by stadiamaps' `pmtiles`); each tile asked for
//! is decoded (`mvt-reader`) and turned into SVG paths in the map's Web Mercator units, so the
//! UI draws it exactly like the rest of the map.

use geo_types::{Coord, Geometry, LineString};
use pmtiles::{AsyncPmTilesReader, MmapBackend, TileCoord, TileType};
use sportello_core::directory::view::{
    MapTile, PathWriter, ShapeKind, StreetMap, TileShape, WORLD,
};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StreetMapError {
    #[error("cannot read the street map: {0}")]
    Read(#[from] pmtiles::PmtError),
    #[error("the street map holds {0:?} tiles; only vector tiles (MVT) are drawn")]
    NotVector(TileType),
    #[error("a tile of the street map is not a vector tile: {0}")]
    Decode(String),
    #[error("no such tile: {0}/{1}/{2}")]
    Coordinates(u8, u32, u32),
}

pub struct StreetMapArchive {
    reader: AsyncPmTilesReader<MmapBackend>,
    zooms: StreetMap,
}

impl StreetMapArchive {
    pub async fn open(path: &Path) -> Result<StreetMapArchive, StreetMapError> {
        let reader = AsyncPmTilesReader::new_with_path(path).await?;
        let header = reader.get_header();
        if header.tile_type != TileType::Mvt {
            return Err(StreetMapError::NotVector(header.tile_type));
        }
        let zooms = StreetMap {
            min_zoom: header.min_zoom,
            max_zoom: header.max_zoom,
        };
        Ok(StreetMapArchive { reader, zooms })
    }

    pub fn zooms(&self) -> StreetMap {
        self.zooms
    }

    /// One tile's shapes; `None` where the archive has no tile (open sea, outside the extract).
    pub async fn tile(&self, z: u8, x: u32, y: u32) -> Result<Option<MapTile>, StreetMapError> {
        let coord = TileCoord::new(z, x, y).map_err(|_| StreetMapError::Coordinates(z, x, y))?;
        let Some(bytes) = self.reader.get_tile_decompressed(coord).await? else {
            return Ok(None);
        };
        decode(z, x, y, bytes.to_vec()).map(Some)
    }
}

/// A vector tile's features as paths in map units.
pub fn decode(z: u8, x: u32, y: u32, bytes: Vec<u8>) -> Result<MapTile, StreetMapError> {
    let reader =
        mvt_reader::Reader::new(bytes).map_err(|e| StreetMapError::Decode(e.to_string()))?;
    let layers = reader
        .get_layer_metadata()
        .map_err(|e| StreetMapError::Decode(e.to_string()))?;
    let size = WORLD / f64::from(1u32 << z);
    let mut shapes = Vec::new();
    for layer in layers {
        let extent = f64::from(layer.extent.max(1));
        let to_map = |c: Coord<f32>| {
            (
                (f64::from(x) + f64::from(c.x) / extent) * size,
                (f64::from(y) + f64::from(c.y) / extent) * size,
            )
        };
        let features = reader
            .get_features(layer.layer_index)
            .map_err(|e| StreetMapError::Decode(e.to_string()))?;
        for feature in features {
            // Points closer than a tenth of a unit (3 m) say nothing at any zoom offered.
            let mut path = PathWriter::new(0.1);
            let line =
                |line: &LineString<f32>| line.0.iter().map(|c| to_map(*c)).collect::<Vec<_>>();
            let kind = match &feature.geometry {
                Geometry::Polygon(polygon) => {
                    path.add(line(polygon.exterior()), true);
                    for hole in polygon.interiors() {
                        path.add(line(hole), true);
                    }
                    ShapeKind::Area
                }
                Geometry::MultiPolygon(polygons) => {
                    for polygon in polygons {
                        path.add(line(polygon.exterior()), true);
                        for hole in polygon.interiors() {
                            path.add(line(hole), true);
                        }
                    }
                    ShapeKind::Area
                }
                Geometry::LineString(one) => {
                    path.add(line(one), false);
                    ShapeKind::Line
                }
                Geometry::MultiLineString(lines) => {
                    for one in lines {
                        path.add(line(one), false);
                    }
                    ShapeKind::Line
                }
                Geometry::Point(point) => {
                    path.point(to_map(point.0));
                    ShapeKind::Point
                }
                Geometry::MultiPoint(points) => {
                    for point in points {
                        path.point(to_map(point.0));
                    }
                    ShapeKind::Point
                }
                _ => continue,
            };
            let path = path.finish();
            if !path.is_empty() {
                shapes.push(TileShape {
                    layer: layer.name.clone(),
                    kind,
                    path,
                });
            }
        }
    }
    // Areas under lines under points, whatever the layers' order in the tile.
    shapes.sort_by_key(|shape| shape.kind as u8);
    Ok(MapTile { z, x, y, shapes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_core::directory::view::mercator;
    use sportello_core::model::GeoPoint;

    fn archive() -> StreetMapArchive {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/comuni_AT_MT_z6-10.pmtiles");
        tokio::runtime::Runtime::new()
            .unwrap()
            .block_on(StreetMapArchive::open(&path))
            .unwrap()
    }

    #[test]
    fn a_tile_over_asti_becomes_paths_where_asti_is() {
        let archive = archive();
        assert_eq!(
            archive.zooms(),
            StreetMap {
                min_zoom: 6,
                max_zoom: 10
            }
        );
        let runtime = tokio::runtime::Runtime::new().unwrap();
        // Zoom 8: the tile that holds Asti (44.90 N, 8.21 E).
        let size = WORLD / 256.0;
        let (asti_x, asti_y) = mercator(GeoPoint {
            lat: 44.90,
            lon: 8.21,
        });
        let (x, y) = ((asti_x / size) as u32, (asti_y / size) as u32);
        assert_eq!((x, y), (133, 92));
        let tile = runtime.block_on(archive.tile(8, x, y)).unwrap().unwrap();
        assert!(tile.shapes.len() >= 5, "{} shapes", tile.shapes.len());
        assert!(
            tile.shapes
                .iter()
                .all(|s| s.layer == "comuni" && s.kind == ShapeKind::Area)
        );
        // Its paths lie on the tile (a comune may reach a little beyond, into the buffer).
        let first: Vec<f64> = tile.shapes[0].path[1..]
            .split(['L', 'Z', ' '])
            .take(2)
            .map(|n| n.parse().unwrap())
            .collect();
        assert!(
            (132.9 * size..134.1 * size).contains(&first[0]),
            "{first:?}"
        );
        assert!((91.9 * size..93.1 * size).contains(&first[1]), "{first:?}");
        // Open sea or outside the extract: no tile, no error.
        assert!(runtime.block_on(archive.tile(8, 0, 0)).unwrap().is_none());
        // Coordinates off the grid are refused, not read.
        assert!(runtime.block_on(archive.tile(8, 256, 0)).is_err());
        assert!(runtime.block_on(archive.tile(40, 0, 0)).is_err());
    }

    #[test]
    fn what_is_not_a_vector_archive_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.pmtiles");
        std::fs::write(&path, b"not a pmtiles archive at all").unwrap();
        let runtime = tokio::runtime::Runtime::new().unwrap();
        assert!(runtime.block_on(StreetMapArchive::open(&path)).is_err());
        assert!(decode(8, 0, 0, vec![0xff; 16]).is_err());
    }
}
