//! Appointments: what clients send to hold, confirm, cancel, reschedule and check in, and what
//! they get back.

use crate::identity::Person;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Characters of booking codes: no 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, so a code read aloud or
/// copied from paper is not mistyped.
pub const CODE_ALPHABET: &[u8] = b"ACDEFHJKMNPRTUVWXY3479";
pub const CODE_LENGTH: usize = 8;

/// Tidies a booking code as a person may type it ("k7mx-4prt") and checks its shape.
pub fn normalize_code(code: &str) -> Option<String> {
    let code: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    let valid = code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
    valid.then_some(code)
}

/// A booking code as printed: two groups of four.
pub fn display_code(code: &str) -> String {
    match code.len() {
        CODE_LENGTH => format!("{}-{}", &code[..4], &code[4..]),
        _ => code.to_owned(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// A slot picked and kept for a few minutes while the person completes the booking.
    Held,
    /// A seat set aside for one kiosk to book offline (see `lease`); not yet anyone's.
    Leased,
    Confirmed,
    Cancelled,
    /// The person arrived and has a queue number.
    CheckedIn,
    /// Marked by staff after the slot: the person did not come.
    NoShow,
    /// Past and never checked in nor marked: no longer blocks a new booking.
    Lapsed,
}

impl BookingStatus {
    pub const ALL: [BookingStatus; 7] = [
        BookingStatus::Held,
        BookingStatus::Leased,
        BookingStatus::Confirmed,
        BookingStatus::Cancelled,
        BookingStatus::CheckedIn,
        BookingStatus::NoShow,
        BookingStatus::Lapsed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Held => "held",
            BookingStatus::Leased => "leased",
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::CheckedIn => "checked_in",
            BookingStatus::NoShow => "no_show",
            BookingStatus::Lapsed => "lapsed",
        }
    }

    /// Whether it is someone's appointment (of any outcome), not a seat merely set aside.
    pub fn is_appointment(self) -> bool {
        !matches!(self, BookingStatus::Held | BookingStatus::Leased)
    }

    pub fn parse(text: &str) -> Option<BookingStatus> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }
}

/// A time people can book, at one office, with how many places are left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotOffer {
    pub office_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub end: Timestamp,
    pub free: u32,
}

/// Free slots for a procedure, earliest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Availability {
    pub procedure_id: String,
    pub slots: Vec<SlotOffer>,
    /// The last day open for booking now (later days open at the office's next release).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub bookable_until: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HoldRequest {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub procedure_id: String,
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub office_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
}

/// A slot kept for the person until `expires_at`; confirm it with the hold's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hold {
    /// Secret: whoever has it can confirm or release the hold.
    pub hold_id: String,
    pub procedure_id: String,
    pub office_id: String,
    pub counter_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub end: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequest {
    pub person: Person,
    /// Language of the linguistic-cultural mediator requested, if any (e.g. "ar").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z]{2,3}$"))]
    pub mediator_language: Option<String>,
}

/// A booking as its holder and the kiosk see it: no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    pub code: String,
    pub status: BookingStatus,
    pub procedure_id: String,
    pub office_id: String,
    pub counter_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub end: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mediator_language: Option<String>,
    /// The signed receipt token the QR code carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue_number: Option<u32>,
}

/// A booking with the person's details: for the operator who made it and the office's staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingRecord {
    #[serde(flatten)]
    pub booking: Booking,
    /// Gone once the appointment is past the retention period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// The comune or patronato whose operator booked it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Who booked: "citizen", "kiosk:<id>", "operator:<user>", "staff:<user>".
    pub booked_by: String,
}

/// Proof a citizen without an account gives to manage their own booking: two things the
/// receipt does not show. A receipt is seen, printed and photographed; a date of birth is on
/// many documents (and inside a codice fiscale); with the document's last characters as well,
/// guessing takes billions of tries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CitizenProof {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date_of_birth: Date,
    /// The last four letters or digits of the identity document given when booking (the
    /// codice fiscale, passport or permit number), e.g. "123X".
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 4, max_length = 4, pattern = "^[A-Za-z0-9]{4}$")
    )]
    pub document_end: String,
}

/// How many of the document's last characters a proof gives.
pub const DOCUMENT_END_LENGTH: usize = 4;

impl CitizenProof {
    /// Whether this proves to be `person`.
    pub fn matches(&self, person: &crate::identity::Person) -> bool {
        let number = person.identity.number();
        self.well_formed()
            && number.len() >= DOCUMENT_END_LENGTH
            && number[number.len() - DOCUMENT_END_LENGTH..]
                .eq_ignore_ascii_case(self.document_end.trim())
            && self.date_of_birth == person.date_of_birth
    }

    /// Whether it is shaped like a proof at all (four letters or digits).
    pub fn well_formed(&self) -> bool {
        let given = self.document_end.trim();
        given.len() == DOCUMENT_END_LENGTH && given.bytes().all(|b| b.is_ascii_alphanumeric())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CancelRequest {
    /// Required when no one is logged in: the booking's date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<CitizenProof>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RescheduleRequest {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub office_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<CitizenProof>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckInRequest {
    /// The receipt token, as read from the QR code.
    #[cfg_attr(feature = "openapi", schema(max_length = 2048))]
    pub receipt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckIn {
    pub code: String,
    pub office_id: String,
    /// The person's number in the office's queue today.
    pub queue_number: u32,
}

/// The appointment that stops a second booking for the same person and procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
///
/// What it tells depends on who asks. Those with authority over it (its operator, the office,
/// administrators) get everything. Someone who gives the same surname and date of birth as
/// the booked person gets where and when, but not the code (a code and a date of birth are
/// enough to cancel a booking). Anyone else, who may only know a codice fiscale, learns only
/// that the procedure is already booked.
pub struct ExistingBooking {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_id: Option<String>,
    pub procedure_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub start: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proof_needs_the_date_of_birth_and_the_documents_last_characters() {
        let person: crate::identity::Person = serde_json::from_value(serde_json::json!({
            "given_names": "Amina", "surname": "Test", "date_of_birth": "1990-04-02",
            "nationality": "MA", "identity": {"kind": "passport", "number": "PX1234567"}
        }))
        .unwrap();
        let proof = |date: &str, end: &str| CitizenProof {
            date_of_birth: date.parse().unwrap(),
            document_end: end.to_owned(),
        };
        assert!(proof("1990-04-02", "4567").matches(&person));
        assert!(proof("1990-04-02", " 4567 ").matches(&person));
        assert!(!proof("1990-04-02", "4566").matches(&person), "wrong end");
        assert!(!proof("1990-04-03", "4567").matches(&person), "wrong date");
        assert!(!proof("1990-04-02", "567").matches(&person), "too short");
        assert!(!proof("1990-04-02", "").matches(&person));
        assert!(!proof("1990-04-02", "34567").well_formed());
        let cf: crate::identity::Person = serde_json::from_value(serde_json::json!({
            "given_names": "Amina", "surname": "Test", "date_of_birth": "1990-04-02",
            "nationality": "IT", "identity": {"kind": "codice_fiscale", "code": "TSTMNA90D42A479X"}
        }))
        .unwrap();
        assert!(
            proof("1990-04-02", "479x").matches(&cf),
            "case does not matter"
        );
    }

    #[test]
    fn codes_are_tidied_and_checked() {
        assert_eq!(normalize_code("k7mx-4prt").as_deref(), Some("K7MX4PRT"));
        assert_eq!(normalize_code(" K7MX 4PRT "), Some("K7MX4PRT".into()));
        assert_eq!(normalize_code("K7MX4PR0"), None, "0 is not in the alphabet");
        assert_eq!(normalize_code("K7MX4PR"), None);
        assert_eq!(display_code("K7MX4PRT"), "K7MX-4PRT");
        for ambiguous in b"0OQ1IL2Z5S6G8B" {
            assert!(!CODE_ALPHABET.contains(ambiguous), "{}", *ambiguous as char);
        }
    }

    #[test]
    fn statuses_round_trip() {
        for status in BookingStatus::ALL {
            assert_eq!(BookingStatus::parse(status.as_str()), Some(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{}\"", status.as_str())
            );
        }
    }
}
