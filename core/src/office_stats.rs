//! An office's numbers over a span of days: appointments booked, checked in, served, absent,
//! no-shows and cancelled, by day, procedure and channel; the wait from check-in to the call
//! and the time at the counter; how long people wait for a free appointment.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How many appointments ended each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Counts {
    /// Every appointment of the span, cancelled ones included.
    pub booked: u32,
    pub checked_in: u32,
    pub served: u32,
    /// Checked in, called, not at the counter.
    pub absent: u32,
    /// Never came.
    pub no_show: u32,
    pub cancelled: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayCounts {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: Date,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeyedCounts {
    /// A procedure's id, or a channel: `self_service`, `kiosk`, `operator`, `office`,
    /// `walk_in`.
    pub key: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// A duration's spread, in seconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Spread {
    /// How many were measured.
    pub count: u32,
    pub median_secs: u32,
    pub p90_secs: u32,
}

impl Spread {
    /// The spread of `values` (seconds; negative ones, a clock's jump, are left out).
    pub fn of(mut values: Vec<i64>) -> Spread {
        values.retain(|value| *value >= 0);
        values.sort_unstable();
        let at = |share: f64| -> u32 {
            if values.is_empty() {
                return 0;
            }
            let index = ((values.len() as f64 - 1.0) * share).round() as usize;
            u32::try_from(values[index.min(values.len() - 1)]).unwrap_or(u32::MAX)
        };
        Spread {
            count: u32::try_from(values.len()).unwrap_or(u32::MAX),
            median_secs: at(0.5),
            p90_secs: at(0.9),
        }
    }
}

/// How long a person asking today waits for an appointment of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirstFree {
    pub procedure_id: String,
    /// The first free slot, if the open agenda has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub first: Option<Timestamp>,
    /// Whole days from today to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_ahead: Option<u32>,
}

/// An office's numbers from `from` to `to` (both included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeStats {
    pub office_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub to: Date,
    pub total: Counts,
    pub by_day: Vec<DayCounts>,
    pub by_procedure: Vec<KeyedCounts>,
    pub by_channel: Vec<KeyedCounts>,
    /// From check-in to the first call.
    pub waiting: Spread,
    /// From the call to served.
    pub service: Spread,
    pub first_free: Vec<FirstFree>,
}

/// The longest span asked at once (a year), so a question costs a bounded read.
pub const MAX_STATS_DAYS: i64 = 366;

#[cfg(test)]
mod tests {
    use super::Spread;

    #[test]
    fn spreads_are_read_from_sorted_values() {
        let spread = Spread::of(vec![600, 60, 120, 300, -5, 180]);
        assert_eq!(spread.count, 5);
        assert_eq!(spread.median_secs, 180);
        assert_eq!(spread.p90_secs, 600);
        assert_eq!(Spread::of(Vec::new()), Spread::default());
    }
}
