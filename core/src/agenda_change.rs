//! Closures and extra openings decided by an office (a strike, training, an extra Saturday):
//! which confirmed appointments a change hits, what staff decide for each (move it to a
//! proposed free slot, or cancel it), and what the people are told.

use crate::booking::SlotOffer;
use crate::calendar::{self, Interval};
use crate::model::DayOverride;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Why the office changed a day: each has a sentence in every language, so the person reads
/// it on their receipt's page in their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeReason {
    Strike,
    Training,
    /// Staff unwell or absent.
    Staff,
    /// The office is closed (a holiday, works, an emergency).
    Closure,
    /// Systems or equipment down.
    Technical,
    Other,
}

impl ChangeReason {
    pub const ALL: [ChangeReason; 6] = [
        ChangeReason::Strike,
        ChangeReason::Training,
        ChangeReason::Staff,
        ChangeReason::Closure,
        ChangeReason::Technical,
        ChangeReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeReason::Strike => "strike",
            ChangeReason::Training => "training",
            ChangeReason::Staff => "staff",
            ChangeReason::Closure => "closure",
            ChangeReason::Technical => "technical",
            ChangeReason::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<ChangeReason> {
        Self::ALL.into_iter().find(|reason| reason.as_str() == text)
    }

    /// The Fluent message that says it to the person.
    pub fn message_id(self) -> &'static str {
        match self {
            ChangeReason::Strike => "change-reason-strike",
            ChangeReason::Training => "change-reason-training",
            ChangeReason::Staff => "change-reason-staff",
            ChangeReason::Closure => "change-reason-closure",
            ChangeReason::Technical => "change-reason-technical",
            ChangeReason::Other => "change-reason-other",
        }
    }
}

/// Whether an appointment from `start` to `end` still fits a day whose hours become `hours`
/// (an empty list: closed).
pub fn still_fits(hours: &[Interval], start: Timestamp, end: Timestamp) -> bool {
    let minute = |at: Timestamp| {
        let local = calendar::office_tz().to_datetime(at);
        i32::from(local.hour()) * 60 + i32::from(local.minute())
    };
    let (from, to) = (minute(start), minute(end));
    hours
        .iter()
        .any(|span| i32::from(span.start) <= from && to <= i32::from(span.end))
}

/// A confirmed appointment a change would leave without a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HitAppointment {
    pub code: String,
    pub procedure_id: String,
    pub counter_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    /// "Surname Given names", for staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// Whether a phone number is on file (the person can be told by SMS).
    pub reachable: bool,
    /// The first free slot of the same procedure after the day, none left over for another
    /// appointment of this list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<SlotOffer>,
}

/// What a change would do, before it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeImpact {
    pub hit: Vec<HitAppointment>,
}

/// An appointment moved to a new slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedMove {
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^[ACDEFHJKMNPRTUVWXY3479]{8}$")
    )]
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub office_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
}

/// A change and what staff decided for every appointment it hits. The change is saved only
/// when every hit appointment is moved or cancelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePlan {
    pub change: DayOverride,
    pub reason: ChangeReason,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 500))]
    pub moves: Vec<PlannedMove>,
    /// Codes of the appointments to cancel.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 500))]
    pub cancellations: Vec<String>,
}

/// Why an appointment of a plan could not be handled as planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanFailure {
    pub code: String,
    /// The problem's code (e.g. `slot_taken`): the slot went to someone else meanwhile.
    pub problem: crate::api::ProblemCode,
}

/// What a plan came to. The change is saved only when `failed` and `unplanned` are empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeOutcome {
    pub saved: bool,
    pub moved: Vec<String>,
    pub cancelled: Vec<String>,
    pub failed: Vec<PlanFailure>,
    /// Appointments the change hits that the plan did not say what to do with.
    pub unplanned: Vec<String>,
}

/// Someone to tell of a change: sent by SMS through the gateway, or listed for staff to call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    pub id: i64,
    pub code: String,
    pub phone: String,
    /// What the message says (or what to say on the phone).
    pub text: String,
    pub status: NoticeStatus,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeStatus {
    /// Waiting for the SMS gateway.
    Pending,
    Sent,
    /// No gateway, or it kept failing: staff call the person.
    ToCall,
    /// Staff called.
    Called,
}

impl NoticeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeStatus::Pending => "pending",
            NoticeStatus::Sent => "sent",
            NoticeStatus::ToCall => "to_call",
            NoticeStatus::Called => "called",
        }
    }

    pub fn parse(text: &str) -> Option<NoticeStatus> {
        [
            NoticeStatus::Pending,
            NoticeStatus::Sent,
            NoticeStatus::ToCall,
            NoticeStatus::Called,
        ]
        .into_iter()
        .find(|status| status.as_str() == text)
    }
}

/// The JSON the SMS gateway receives (`--sms-gateway URL`, POST): one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsMessage {
    /// The number as the person gave it (e.g. "+39 333 123 4567").
    pub to: String,
    pub text: String,
    /// Unique per message: a gateway that sees it twice sends it once.
    pub reference: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn an_appointment_fits_only_within_the_new_hours() {
        // 09:00–09:15 in Rome (UTC+1 in December).
        let (start, end) = (at("2026-12-01T08:00:00Z"), at("2026-12-01T08:15:00Z"));
        assert!(!still_fits(&[], start, end), "closed");
        let morning = Interval {
            start: 8 * 60 + 30,
            end: 11 * 60,
        };
        assert!(still_fits(&[morning], start, end));
        let late = Interval {
            start: 9 * 60 + 10,
            end: 12 * 60,
        };
        assert!(!still_fits(&[late], start, end));
    }

    #[test]
    fn reasons_and_statuses_read_back() {
        for reason in ChangeReason::ALL {
            assert_eq!(ChangeReason::parse(reason.as_str()), Some(reason));
            assert!(reason.message_id().ends_with(reason.as_str()));
        }
        assert_eq!(NoticeStatus::parse("to_call"), Some(NoticeStatus::ToCall));
    }
}
