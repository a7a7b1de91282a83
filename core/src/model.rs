//! Reference data: the offices people go to, what they handle there, and the comuni.
//!
//! These types travel from the server to kiosks that may run an older version, and sit in
//! kiosk caches written by one: they ignore fields they do not know, and fields added later
//! carry `#[serde(default)]`, so either side can be upgraded first.

use crate::calendar::{Interval, PatronRule, WeeklyHours, WeeklyRelease};
use crate::text::LocalizedText;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Which public office this is; the UI names the kind in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfficeKind {
    /// Prefettura – Ufficio Territoriale del Governo (citizenship, language test).
    Prefettura,
    /// Questura – Ufficio Immigrazione (residence permits).
    Questura,
    /// Sportello Unico per l'Immigrazione, inside the Prefettura (family reunification, work).
    Sui,
}

impl OfficeKind {
    pub const ALL: [OfficeKind; 3] = [
        OfficeKind::Prefettura,
        OfficeKind::Questura,
        OfficeKind::Sui,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OfficeKind::Prefettura => "prefettura",
            OfficeKind::Questura => "questura",
            OfficeKind::Sui => "sui",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == s)
    }
}

/// A point in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GeoPoint {
    #[cfg_attr(feature = "openapi", schema(minimum = -90.0, maximum = 90.0))]
    pub lat: f64,
    #[cfg_attr(feature = "openapi", schema(minimum = -180.0, maximum = 180.0))]
    pub lon: f64,
}

impl GeoPoint {
    /// Mainland Italy and its islands, with a margin: catches swapped or zeroed coordinates.
    pub fn in_italy(self) -> bool {
        (35.0..=47.5).contains(&self.lat) && (6.0..=19.0).contains(&self.lon)
    }

    /// A `geo:` URI (RFC 5870) that opens the point in a phone's maps, with a pin.
    pub fn geo_uri(self) -> String {
        format!(
            "geo:{:.5},{:.5}?q={:.5},{:.5}",
            self.lat, self.lon, self.lat, self.lon
        )
    }

    /// Metres to `other` along the Earth's surface (haversine on a sphere of the Earth's mean
    /// radius: within 0.5% at the scale of a province, ample to sort places by distance).
    pub fn distance_m(self, other: GeoPoint) -> f64 {
        const EARTH_RADIUS_M: f64 = 6_371_008.8;
        let (phi1, phi2) = (self.lat.to_radians(), other.lat.to_radians());
        let d_phi = (other.lat - self.lat).to_radians();
        let d_lambda = (other.lon - self.lon).to_radians();
        let a =
            (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().asin()
    }
}

/// A postal address in Italy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Address {
    /// Street and number, e.g. "Piazza Alfieri, 30".
    pub street: String,
    pub postcode: String,
    /// Town as written on letters, e.g. "Asti".
    pub locality: String,
    /// Two-letter province code, e.g. "AT".
    pub province: String,
    /// ISTAT code of the comune, e.g. "005005".
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{6}$"))]
    pub comune_istat: String,
}

impl Address {
    /// The address on one line, as Italian post writes it.
    pub fn one_line(&self) -> String {
        format!(
            "{}, {} {} ({})",
            self.street, self.postcode, self.locality, self.province
        )
    }
}

/// A public office with counters where people are received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Office {
    /// Stable identifier, e.g. "questura-asti".
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub id: String,
    pub kind: OfficeKind,
    /// Official name, in Italian as on the building.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub name: String,
    pub address: Address,
    pub location: GeoPoint,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// When the office opens more of its agenda, e.g. "fri 13:00"; none: a rolling window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "fri 13:00"))]
    pub release: Option<WeeklyRelease>,
    /// Whether the office gives queue numbers to people without an appointment.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub walk_ins: bool,
}

/// A counter (sportello) of an office, where one person or a few at a time are received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Counter {
    /// Stable identifier, e.g. "questura-asti-1".
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub office_id: String,
    /// As signposted in the office, e.g. "Sportello 1".
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 100, pattern = r"\S")
    )]
    pub name: String,
    /// The counter's agenda is a grid of cells of this many minutes; an appointment takes as
    /// many whole cells as its procedure needs.
    #[cfg_attr(feature = "openapi", schema(minimum = 5, maximum = 240))]
    pub grid_minutes: u16,
    /// People received at once in one cell (1 for an ordinary counter).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    pub seats: u16,
    pub hours: WeeklyHours,
}

/// The life situation a procedure belongs to: how the booking wizard groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProcedureCategory {
    StayPermit,
    Family,
    Work,
    Citizenship,
    Protection,
    Integration,
}

impl ProcedureCategory {
    pub const ALL: [ProcedureCategory; 6] = [
        ProcedureCategory::StayPermit,
        ProcedureCategory::Family,
        ProcedureCategory::Work,
        ProcedureCategory::Citizenship,
        ProcedureCategory::Protection,
        ProcedureCategory::Integration,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProcedureCategory::StayPermit => "stay_permit",
            ProcedureCategory::Family => "family",
            ProcedureCategory::Work => "work",
            ProcedureCategory::Citizenship => "citizenship",
            ProcedureCategory::Protection => "protection",
            ProcedureCategory::Integration => "integration",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|category| category.as_str() == s)
    }
}

/// Something a person can book an appointment for at one office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Procedure {
    /// Stable identifier, e.g. "questura-asti-rinnovo".
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub office_id: String,
    pub category: ProcedureCategory,
    pub name: LocalizedText,
    /// One plain sentence: what this is for.
    pub summary: LocalizedText,
    /// Length of one appointment, in minutes.
    #[cfg_attr(feature = "openapi", schema(minimum = 5, maximum = 240))]
    pub slot_minutes: u16,
    /// Whether a linguistic-cultural mediator usually helps here.
    pub mediator_recommended: bool,
    /// What to bring, one entry per document.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 30))]
    pub documents: Vec<LocalizedText>,
    /// The counters that handle this procedure.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub counter_ids: Vec<String>,
    #[serde(default)]
    pub rules: BookingRules,
}

/// How far ahead a procedure can be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingRules {
    /// No booking starting sooner than this after now.
    #[cfg_attr(feature = "openapi", schema(maximum = 43200))]
    pub min_notice_minutes: u32,
    /// No booking later than this many days after today (or after the last release).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 365))]
    pub horizon_days: u16,
}

impl Default for BookingRules {
    fn default() -> Self {
        BookingRules {
            min_notice_minutes: 24 * 60,
            horizon_days: 60,
        }
    }
}

/// A comune (municipality), from ISTAT's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comune {
    /// Six-digit ISTAT code, e.g. "005005" for Asti.
    pub istat: String,
    pub name: String,
    /// Two-letter province code.
    pub province: String,
    /// Whether this comune is the province's capital.
    pub capoluogo: bool,
    /// Town centre.
    pub location: GeoPoint,
    /// The patron saint's day, when offices in the comune close, e.g. "05-tue-1" for Asti.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "05-tue-1"))]
    pub patron_day: Option<PatronRule>,
}

/// A date whose hours differ from the weekly ones: a closure (no hours), a reduced day, an
/// extra opening. For a whole office or one of its counters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DayOverride {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub office_id: String,
    /// Only this counter; none: the whole office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub counter_id: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: Date,
    /// The day's hours; empty: closed.
    #[cfg_attr(feature = "openapi", schema(example = json!(["08:30-11:00"])))]
    pub hours: Vec<Interval>,
    /// Why, for the staff (e.g. "Vigilia di Natale", "Sciopero").
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_between_comuni() {
        // Asti to Alessandria: about 33 km as the crow flies; Asti to Matera about 820 km.
        let asti = GeoPoint {
            lat: 44.8996,
            lon: 8.2037,
        };
        let alessandria = GeoPoint {
            lat: 44.9125,
            lon: 8.6150,
        };
        let matera = GeoPoint {
            lat: 40.6664,
            lon: 16.6043,
        };
        let near = asti.distance_m(alessandria);
        assert!((32_000.0..34_000.0).contains(&near), "{near}");
        let far = asti.distance_m(matera);
        assert!((800_000.0..840_000.0).contains(&far), "{far}");
        assert_eq!(asti.distance_m(asti), 0.0);
    }

    #[test]
    fn kinds_and_categories_round_trip_through_their_names() {
        for kind in OfficeKind::ALL {
            assert_eq!(OfficeKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        for category in ProcedureCategory::ALL {
            assert_eq!(ProcedureCategory::parse(category.as_str()), Some(category));
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{}\"", category.as_str()));
        }
        assert_eq!(OfficeKind::parse("tribunale"), None);
    }

    #[test]
    fn address_reads_as_on_an_envelope() {
        let address = Address {
            street: "Piazza Alfieri, 30".into(),
            postcode: "14100".into(),
            locality: "Asti".into(),
            province: "AT".into(),
            comune_istat: "005005".into(),
        };
        assert_eq!(address.one_line(), "Piazza Alfieri, 30, 14100 Asti (AT)");
    }
}
