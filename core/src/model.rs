//! Reference data: the offices people go to, what they handle there, and the comuni.
//!
//! These types travel from the server to kiosks that may run an older version, and sit in
//! kiosk caches written by one: they ignore fields they do not know, and fields added later
//! carry `#[serde(default)]`, so either side can be upgraded first.

use crate::text::LocalizedText;
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
    pub lat: f64,
    pub lon: f64,
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
    pub id: String,
    pub kind: OfficeKind,
    /// Official name, in Italian as on the building.
    pub name: String,
    pub address: Address,
    pub location: GeoPoint,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
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
    pub id: String,
    pub office_id: String,
    pub category: ProcedureCategory,
    pub name: LocalizedText,
    /// One plain sentence: what this is for.
    pub summary: LocalizedText,
    /// Length of one appointment, in minutes.
    pub slot_minutes: u16,
    /// Whether a linguistic-cultural mediator usually helps here.
    pub mediator_recommended: bool,
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
