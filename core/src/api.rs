//! Shapes of the central server's API that clients share: errors and health.

use crate::booking::{ExistingBooking, SlotOffer};
use crate::directory::hsds::RowProblems;
use crate::identity::FieldError;
use serde::{Deserialize, Serialize};

/// Stable machine-readable error codes. Clients map them to messages in the person's
/// language; the English `title` and `detail` of a [`Problem`] are for developers and logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// A query, path or body parameter is missing, malformed or out of range.
    InvalidInput,
    /// Nothing exists at this address.
    NotFound,
    /// The request body is larger than the server accepts.
    TooLarge,
    /// The method is not allowed on this resource.
    MethodNotAllowed,
    /// A sync cursor beyond the server's feed: its data was restored or replaced. Pull again
    /// from 0.
    CursorAhead,
    /// No valid credentials: log in (again).
    Unauthorized,
    /// The credentials do not allow this.
    Forbidden,
    /// The account's password is a temporary one: change it (`POST /auth/password`) first.
    PasswordChangeRequired,
    /// Too many attempts; `retry_after_secs` says when to try again.
    TooManyRequests,
    /// The slot was taken meanwhile; `alternatives` lists the next free ones.
    SlotTaken,
    /// The person already has an active booking for this procedure, named in `existing`.
    AlreadyBooked,
    /// The hold expired or was released: pick a slot again.
    HoldExpired,
    /// Not a time that can be booked now (closed, too soon, beyond the open agenda).
    NotBookable,
    /// The booking is not in a state that allows this (e.g. cancelling a past appointment).
    InvalidState,
    /// The receipt is not genuine or not readable.
    InvalidReceipt,
    /// The idempotency key was already used for a different request.
    IdempotencyMismatch,
    /// Something with this name or id already exists.
    AlreadyExists,
    /// An offline booking's lease expired or was given back, and its seat has gone to someone
    /// else meanwhile: the booking cannot stand.
    LeaseGone,
    /// The server could not complete the request; retrying later may help.
    Unavailable,
    /// The server failed; this is a bug.
    Internal,
}

impl ProblemCode {
    pub fn status(self) -> u16 {
        match self {
            ProblemCode::InvalidInput => 400,
            ProblemCode::NotFound => 404,
            ProblemCode::TooLarge => 413,
            ProblemCode::MethodNotAllowed => 405,
            ProblemCode::CursorAhead => 409,
            ProblemCode::Unauthorized => 401,
            ProblemCode::Forbidden | ProblemCode::PasswordChangeRequired => 403,
            ProblemCode::TooManyRequests => 429,
            ProblemCode::SlotTaken
            | ProblemCode::AlreadyBooked
            | ProblemCode::InvalidState
            | ProblemCode::NotBookable => 409,
            ProblemCode::AlreadyExists | ProblemCode::LeaseGone => 409,
            ProblemCode::HoldExpired => 410,
            ProblemCode::InvalidReceipt | ProblemCode::IdempotencyMismatch => 422,
            ProblemCode::Unavailable => 503,
            ProblemCode::Internal => 500,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ProblemCode::InvalidInput => "Invalid input",
            ProblemCode::NotFound => "Not found",
            ProblemCode::TooLarge => "Request too large",
            ProblemCode::MethodNotAllowed => "Method not allowed",
            ProblemCode::CursorAhead => "Cursor ahead of the feed",
            ProblemCode::Unauthorized => "Not logged in",
            ProblemCode::Forbidden => "Not allowed",
            ProblemCode::PasswordChangeRequired => "Password change required",
            ProblemCode::TooManyRequests => "Too many requests",
            ProblemCode::SlotTaken => "Slot taken",
            ProblemCode::AlreadyBooked => "Already booked",
            ProblemCode::HoldExpired => "Hold expired",
            ProblemCode::NotBookable => "Not bookable",
            ProblemCode::InvalidState => "Not possible in this state",
            ProblemCode::InvalidReceipt => "Invalid receipt",
            ProblemCode::IdempotencyMismatch => "Idempotency key reused",
            ProblemCode::AlreadyExists => "Already exists",
            ProblemCode::LeaseGone => "Lease gone",
            ProblemCode::Unavailable => "Service unavailable",
            ProblemCode::Internal => "Internal error",
        }
    }
}

/// An RFC 9457 problem document (`application/problem+json`), with Sportello's stable `code`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:sportello:problem:<code>`.
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    pub code: ProblemCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// For `invalid_input` on a body: every field at fault.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// For `already_booked`: the appointment the person already has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<ExistingBooking>,
    /// For `slot_taken`: the next free slots of the same procedure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<SlotOffer>,
    /// For `too_many_requests`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
    /// For `invalid_input` on an import: every row at fault, with its problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowProblems>,
}

impl Problem {
    pub const CONTENT_TYPE: &'static str = "application/problem+json";

    pub fn new(code: ProblemCode, detail: impl Into<Option<String>>) -> Self {
        let code_name = serde_json::to_value(code)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default();
        Self {
            type_uri: format!("urn:sportello:problem:{code_name}"),
            title: code.title().to_owned(),
            status: code.status(),
            code,
            detail: detail.into(),
            fields: Vec::new(),
            existing: None,
            alternatives: Vec::new(),
            retry_after_secs: None,
            rows: Vec::new(),
        }
    }
}

/// Answer of `GET /health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// "ok" when the server can read its database.
    pub status: String,
    pub version: String,
    /// "sqlite" or "postgres".
    pub database: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_carries_code_status_and_type() {
        let problem = Problem::new(ProblemCode::InvalidInput, Some("limit: too large".into()));
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(json["type"], "urn:sportello:problem:invalid_input");
        assert_eq!(json["status"], 400);
        assert_eq!(json["code"], "invalid_input");
        assert_eq!(json["detail"], "limit: too large");
    }
}
