//! The office's day as its console and its waiting-room display see it: the agenda with each
//! appointment's place in the queue, what a scan at the check-in desk found, the calls.

use crate::booking::{BookingRecord, BookingStatus};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// How far ahead of the appointment a person may check in, in minutes: earlier, the desk says
/// when to come back (the queue is for the people whose time is near).
pub const CHECK_IN_EARLY_MINUTES: i64 = 90;
/// How long after the appointment's end a person may still check in, in minutes: later, the
/// slot is long gone and the desk says to book again.
pub const CHECK_IN_LATE_MINUTES: i64 = 60;
/// How many calls the waiting-room display shows.
pub const BOARD_CALLS: usize = 6;

/// Where an appointment stands during the day: the booking's status, refined by its calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayStatus {
    /// Booked; not here yet.
    Expected,
    /// Here, with a number, waiting to be called.
    Waiting,
    /// Called to a counter, not yet served nor marked absent.
    Called,
    Served,
    /// Called and did not come to the counter.
    Absent,
    /// Never came.
    NoShow,
    Cancelled,
}

impl DayStatus {
    pub const ALL: [DayStatus; 7] = [
        DayStatus::Expected,
        DayStatus::Waiting,
        DayStatus::Called,
        DayStatus::Served,
        DayStatus::Absent,
        DayStatus::NoShow,
        DayStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DayStatus::Expected => "expected",
            DayStatus::Waiting => "waiting",
            DayStatus::Called => "called",
            DayStatus::Served => "served",
            DayStatus::Absent => "absent",
            DayStatus::NoShow => "no_show",
            DayStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<DayStatus> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// The status of a booking with `call` as its latest call.
    pub fn of(status: BookingStatus, call: Option<&CallState>) -> DayStatus {
        match (status, call.and_then(|call| call.outcome)) {
            (BookingStatus::CheckedIn, Some(CallOutcome::Served)) => DayStatus::Served,
            (BookingStatus::CheckedIn, Some(CallOutcome::Absent)) => DayStatus::Absent,
            (BookingStatus::CheckedIn, None) if call.is_some() => DayStatus::Called,
            (BookingStatus::CheckedIn, None) => DayStatus::Waiting,
            (BookingStatus::NoShow | BookingStatus::Lapsed, _) => DayStatus::NoShow,
            (BookingStatus::Cancelled, _) => DayStatus::Cancelled,
            (BookingStatus::Confirmed | BookingStatus::Held | BookingStatus::Leased, _) => {
                DayStatus::Expected
            }
        }
    }
}

/// How `booked_by` starts for a walk-in: the desk's staff gave the number.
pub const WALK_IN: &str = "walk-in";

/// Through which channel an appointment was booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Channel {
    /// The person, from a phone or a computer.
    SelfService,
    Kiosk {
        kiosk_id: String,
    },
    /// An operator of a comune or a patronato.
    Operator {
        organization_id: String,
    },
    /// The office's own staff or an administrator.
    Office,
    /// A person without an appointment, given a queue number at the desk.
    WalkIn,
}

impl Channel {
    /// The channel of a booking from who booked it ("citizen", "kiosk:<id>",
    /// "operator:<user>", "staff:<user>", "admin:<user>", "walk-in:<staff>") and for which
    /// organisation.
    pub fn of(booked_by: &str, organization_id: Option<&str>) -> Channel {
        match (booked_by.split_once(':'), organization_id) {
            (Some((WALK_IN, _)), _) => Channel::WalkIn,
            (Some(("kiosk", id)), _) => Channel::Kiosk {
                kiosk_id: id.to_owned(),
            },
            (_, Some(organization)) => Channel::Operator {
                organization_id: organization.to_owned(),
            },
            (Some(("operator", _)), None) => Channel::Operator {
                organization_id: String::new(),
            },
            (Some(_), None) => Channel::Office,
            (None, None) => Channel::SelfService,
        }
    }
}

/// How a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    Served,
    Absent,
}

impl CallOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CallOutcome::Served => "served",
            CallOutcome::Absent => "absent",
        }
    }

    pub fn parse(text: &str) -> Option<CallOutcome> {
        [CallOutcome::Served, CallOutcome::Absent]
            .into_iter()
            .find(|outcome| outcome.as_str() == text)
    }
}

/// The latest call of an appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallState {
    pub counter_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub called_at: Timestamp,
    /// How many times the number was called (a call again counts).
    pub times: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub ended_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CallOutcome>,
}

/// One appointment of the day, as the console lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgendaEntry {
    #[serde(flatten)]
    pub record: BookingRecord,
    pub day_status: DayStatus,
    pub channel: Channel,
    /// When the person checked in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub checked_in_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<CallState>,
}

/// An office's day as the console shows it. The day and today are the server's: a PC's
/// clock may be wrong, the office's day is not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeAgenda {
    pub office_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: jiff::civil::Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub today: jiff::civil::Date,
    /// The server's time when it answered.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub now: Timestamp,
    /// In time order.
    pub entries: Vec<AgendaEntry>,
}

/// A number called to a counter, as the waiting room sees it: no name, no code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Call {
    /// Grows with every call in the province: the display chimes for each new one.
    pub id: i64,
    pub queue_number: u32,
    pub counter_id: String,
    /// The counter's name as the office shows it (e.g. "Sportello 2").
    pub counter_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub called_at: Timestamp,
}

/// What the waiting-room display shows: the latest calls, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Board {
    pub office_id: String,
    pub calls: Vec<Call>,
}

/// One line of the audit log: who did what, when. No personal data: bookings are named by
/// code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Unix seconds.
    pub at: i64,
    /// "citizen", "kiosk:<id>", "operator:<user>", "staff:<user>", "admin:<user>", "system".
    pub actor: String,
    /// e.g. "hold", "confirm", "cancel", "reschedule", "check_in", "call", "served",
    /// "no_show", "override_saved", "personal_data_purged".
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    pub detail: String,
}

/// What the check-in desk was given: whatever the scanner typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScanRequest {
    /// A receipt's address (`…/r/<token>`), a receipt token (`SR1.…`, a kiosk's `KR1.…`), or
    /// a booking code typed by hand.
    #[cfg_attr(feature = "openapi", schema(max_length = 2048))]
    pub scan: String,
}

/// A queue number asked at the desk for a person without an appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WalkInRequest {
    /// What the person came for: one of the office's procedures.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub procedure_id: String,
}

/// Why the desk did not check a person in: each has a line in the console that says what to
/// do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ScanRefusal {
    /// Neither a receipt nor a booking code.
    Unreadable,
    /// A receipt whose signature does not verify: altered, forged, or a revoked kiosk's.
    NotGenuine,
    /// No booking with this code.
    Unknown,
    /// A booking at another office.
    OtherOffice {
        office_id: String,
    },
    /// An appointment on another day.
    OtherDay {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        day: jiff::civil::Date,
    },
    Cancelled,
    /// A receipt from before the appointment was moved: the person has a newer one.
    Moved,
    /// Far too early: come back near the time.
    TooEarly {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
        start: Timestamp,
    },
    /// Far too late: the slot is long over.
    TooLate {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
        start: Timestamp,
    },
    /// Marked as a no-show already.
    NoShow,
    /// Booked offline at a kiosk that has not reported it yet.
    NotReported,
}

/// What a scan at the desk came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ScanOutcome {
    /// Checked in now, or earlier (the same number again).
    CheckedIn {
        entry: Box<AgendaEntry>,
        /// Whether this scan checked the person in (false: they were already).
        new: bool,
    },
    Refused {
        #[serde(flatten)]
        refusal: ScanRefusal,
        /// The appointment, when the office may see it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        entry: Option<Box<AgendaEntry>>,
    },
}

/// When `start`'s appointment may be checked in at `now`, if not now.
pub fn check_in_window(start: Timestamp, end: Timestamp, now: Timestamp) -> Option<ScanRefusal> {
    let early = start.as_second() - CHECK_IN_EARLY_MINUTES * 60;
    let late = end.as_second() + CHECK_IN_LATE_MINUTES * 60;
    if now.as_second() < early {
        Some(ScanRefusal::TooEarly { start })
    } else if now.as_second() > late {
        Some(ScanRefusal::TooLate { start })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + minutes * 60).unwrap()
    }

    #[test]
    fn the_desk_takes_people_from_an_hour_and_a_half_before_to_an_hour_after() {
        let (start, end) = (at(0), at(15));
        assert_eq!(check_in_window(start, end, at(-90)), None);
        assert_eq!(
            check_in_window(start, end, at(-91)),
            Some(ScanRefusal::TooEarly { start })
        );
        assert_eq!(check_in_window(start, end, at(75)), None);
        assert_eq!(
            check_in_window(start, end, at(76)),
            Some(ScanRefusal::TooLate { start })
        );
    }

    #[test]
    fn a_call_settles_where_a_checked_in_person_stands() {
        let call = |outcome| CallState {
            counter_id: "q1".into(),
            called_at: at(0),
            times: 1,
            ended_at: None,
            outcome,
        };
        let checked_in = BookingStatus::CheckedIn;
        assert_eq!(DayStatus::of(checked_in, None), DayStatus::Waiting);
        assert_eq!(
            DayStatus::of(checked_in, Some(&call(None))),
            DayStatus::Called
        );
        assert_eq!(
            DayStatus::of(checked_in, Some(&call(Some(CallOutcome::Served)))),
            DayStatus::Served
        );
        assert_eq!(
            DayStatus::of(BookingStatus::Lapsed, None),
            DayStatus::NoShow
        );
        for status in DayStatus::ALL {
            assert_eq!(DayStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn the_channel_is_read_from_who_booked() {
        assert_eq!(Channel::of("citizen", None), Channel::SelfService);
        assert_eq!(
            Channel::of("kiosk:nizza-1", None),
            Channel::Kiosk {
                kiosk_id: "nizza-1".into()
            }
        );
        assert_eq!(
            Channel::of("operator:anna", Some("comune-nizza")),
            Channel::Operator {
                organization_id: "comune-nizza".into()
            }
        );
        assert_eq!(Channel::of("staff:marco", None), Channel::Office);
        assert_eq!(Channel::of("walk-in:staff:marco", None), Channel::WalkIn);
    }

    #[test]
    fn scan_outcomes_read_as_the_console_expects() {
        let refused = ScanOutcome::Refused {
            refusal: ScanRefusal::OtherOffice {
                office_id: "questura-asti".into(),
            },
            entry: None,
        };
        let json = serde_json::to_value(&refused).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"outcome": "refused", "reason": "other_office", "office_id": "questura-asti"})
        );
        assert_eq!(
            serde_json::from_value::<ScanOutcome>(json).unwrap(),
            refused
        );
    }
}
