//! What the kiosk backend tells its UI: shapes shared across the Tauri command boundary.

use serde::{Deserialize, Serialize};

/// Event the backend emits with the new [`KioskStatus`] whenever it changes.
pub const STATUS_EVENT: &str = "kiosk-status";

/// Whether the kiosk can reach the central server right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// No pull has finished or failed yet since the kiosk started.
    Connecting,
    /// The last pull reached the server.
    Online,
    /// The last pull failed: the kiosk works from its cache.
    Offline,
}

/// The kiosk's link to the server and the age of its data, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskStatus {
    pub connection: Connection,
    /// When data last came from the server (Unix seconds), kept across restarts.
    pub last_sync: Option<i64>,
    /// Position in the server's change feed: the UI reloads its lists when it moves.
    pub cursor: i64,
    /// The kiosk's id once enrolled; `None` before (it then cannot book).
    #[serde(default)]
    pub kiosk_id: Option<String>,
    /// The server refuses this kiosk (revoked): it can show information but book nothing.
    #[serde(default)]
    pub refused: bool,
    /// Writes waiting for the server.
    #[serde(default)]
    pub outbox_pending: u32,
    /// Writes the server refused or that timed out, in the last day (for the operator).
    #[serde(default)]
    pub outbox_failed: u32,
    /// Seats this kiosk can book offline.
    #[serde(default)]
    pub leases_free: u32,
    /// Seats booked offline, not yet reported.
    #[serde(default)]
    pub leases_used: u32,
    /// The writes that failed in the last day, newest first: what staff need to follow up,
    /// nothing about the people.
    #[serde(default)]
    pub failures: Vec<FailedWrite>,
}

/// Why a write the kiosk made did not go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum FailureReason {
    /// The server refused it, with its problem code when it sent one.
    Refused {
        status: u16,
        code: Option<crate::api::ProblemCode>,
    },
    /// Something on the way (a proxy, a captive portal) kept answering in the server's place.
    RefusedOnTheWay { status: u16 },
    /// Not delivered before it stopped being of use (its deadline).
    NotAnswered,
    /// The server no longer accepts this kiosk: what waited was given up.
    KioskRefused,
}

/// A write that failed, as the staff panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedWrite {
    /// hold, confirm, release, cancel, reschedule, check_in, lease_booking.
    pub kind: String,
    /// What it was about, safe to show on a public screen: a procedure, or the last
    /// characters of a booking code.
    pub reference: String,
    /// When it failed, Unix seconds.
    pub at: i64,
    pub reason: FailureReason,
}

impl KioskStatus {
    pub fn new(connection: Connection) -> KioskStatus {
        KioskStatus {
            connection,
            last_sync: None,
            cursor: 0,
            kiosk_id: None,
            refused: false,
            outbox_pending: 0,
            outbox_failed: 0,
            leases_free: 0,
            leases_used: 0,
            failures: Vec::new(),
        }
    }
}

/// How the UI behaves on this terminal, from the kiosk's configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiSettings {
    /// Seconds without a touch before the screen asks whether the person is still there.
    pub idle_secs: u32,
    /// Seconds that question stays before everything typed is wiped.
    pub idle_warning_secs: u32,
    /// Whether a receipt printer is configured.
    pub printer: bool,
    /// Where receipts live on the central server for phones, e.g.
    /// `https://sportello.example/r/`: a receipt's QR code is this followed by its token.
    pub receipt_url: String,
    /// Where places of the services map live for phones, e.g. `https://sportello.example/p/`.
    #[serde(default)]
    pub place_url: String,
    /// The deployer's street-level map, when one is installed and readable.
    #[serde(default)]
    pub street_map: Option<crate::directory::view::StreetMap>,
    /// A public terminal: no context menu, no reload or zoom shortcuts.
    #[serde(default)]
    pub kiosk_mode: bool,
}

/// A receipt laid out for the printer: what it says, in the person's language and in
/// Italian.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintedReceipt {
    /// The booking code, printed large.
    pub code: String,
    /// What the QR code carries: the receipt's address on the central server, with the signed
    /// receipt token in it (a phone opens the booking; a counter's scanner reads the token).
    pub qr: String,
    /// Label and value, in the order to print them.
    pub lines: Vec<(String, String)>,
}

/// Why a kiosk command failed; the UI shows a message for each in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CommandError {
    /// The local cache cannot be read (disk full, file damaged, …).
    #[error("the local data cannot be read")]
    CacheUnavailable,
    /// The kiosk is not enrolled: it cannot book.
    #[error("this kiosk is not enrolled")]
    NotEnrolled,
    /// The printer did not take the receipt (off, unplugged, none configured).
    #[error("the printer is not available")]
    PrinterUnavailable,
    /// The printer has run out of paper: staff can refill it.
    #[error("the printer is out of paper")]
    PrinterOutOfPaper,
}

// --- what the booking wizard gets from the kiosk backend ------------------------------------

/// Where a list of slots comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotSource {
    /// The server's agenda, just now.
    Live,
    /// The server cannot be reached: only the seats this kiosk holds leases on.
    Leased,
}

/// A slot the person may choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotChoice {
    pub office_id: String,
    pub start: jiff::Timestamp,
    pub end: jiff::Timestamp,
    pub free: u32,
    /// Set for a leased seat: booked offline with this lease.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_id: Option<String>,
}

impl From<crate::booking::SlotOffer> for SlotChoice {
    /// A free slot of the server's agenda (not a leased seat).
    fn from(offer: crate::booking::SlotOffer) -> SlotChoice {
        SlotChoice {
            office_id: offer.office_id,
            start: offer.start,
            end: offer.end,
            free: offer.free,
            lease_id: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotList {
    pub source: SlotSource,
    pub slots: Vec<SlotChoice>,
}

/// What placing a hold came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum HoldOutcome {
    Held {
        hold: crate::booking::Hold,
    },
    /// Someone was quicker: the next free slots instead.
    Taken {
        alternatives: Vec<crate::booking::SlotOffer>,
    },
    /// The server cannot be reached: the seats this kiosk can book offline instead.
    Offline {
        leased: Vec<SlotChoice>,
    },
    /// Refused for another reason (the slot is no longer bookable, …).
    Refused {
        code: crate::api::ProblemCode,
        detail: String,
    },
}

/// What confirming a booking came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum BookOutcome {
    /// Booked on the server: the receipt is the server's.
    Booked { booking: crate::booking::Booking },
    /// Booked offline on a leased seat: the receipt is the kiosk's (`KR1.…`); the kiosk
    /// reports it when back online.
    BookedOffline {
        code: String,
        receipt: String,
        procedure_id: String,
        office_id: String,
        start: jiff::Timestamp,
        end: jiff::Timestamp,
    },
    /// The person already has an appointment for this procedure.
    AlreadyBooked {
        existing: crate::booking::ExistingBooking,
    },
    /// The hold ran out before the confirmation: pick a slot again.
    HoldExpired,
    /// Some details are missing or wrong.
    Invalid {
        fields: Vec<crate::identity::FieldError>,
    },
    /// The leased seat was taken meanwhile: the other leased seats.
    LeaseGone { leased: Vec<SlotChoice> },
    /// Sent, the answer not back yet (the link dropped halfway): ask again with this id.
    Pending { outbox_id: i64 },
    Refused {
        code: crate::api::ProblemCode,
        detail: String,
    },
}

/// What looking up one's own booking came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum LookupOutcome {
    Found {
        booking: crate::booking::Booking,
    },
    /// No booking with this code and date of birth (the same answer either way: nobody learns
    /// which codes exist).
    NotFound,
    /// Too many tries: wait a minute.
    TooMany,
    /// The server cannot be reached: bookings are looked up there.
    Offline,
}

/// What cancelling one's own booking came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum CancelOutcome {
    Cancelled {
        booking: crate::booking::Booking,
    },
    /// Sent; the answer comes when the link is back (the cancellation stands in the outbox
    /// until the appointment).
    Pending,
    Refused {
        code: crate::api::ProblemCode,
        detail: String,
    },
}

/// The operator working at this kiosk, while logged in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorInfo {
    pub username: String,
    /// The comune or patronato they book for.
    pub organization_id: Option<String>,
}

/// What an operator's login came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum LoginOutcome {
    LoggedIn {
        operator: OperatorInfo,
    },
    /// The password was a temporary one: choose one's own first
    /// ([`PasswordChangeOutcome`]).
    MustChangePassword,
    /// Wrong username or password (or not an operator's account).
    Refused,
    TooMany,
    Offline,
}

/// What changing a temporary password came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PasswordChangeOutcome {
    /// Changed: the operator is logged in.
    Changed {
        operator: OperatorInfo,
    },
    /// The old password is wrong.
    Refused,
    /// The new one is too short (or too long).
    TooShort,
    TooMany,
    Offline,
    /// No one is waiting to change a password here (the screens started over).
    NotLoggedIn,
}

/// One of an operator's organisation's bookings, as their list shows it: the booking and the
/// person's name, nothing more of the person (no document, no phone number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorBooking {
    pub booking: crate::booking::Booking,
    pub name: String,
}

/// What moving a booking came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RescheduleOutcome {
    /// Moved: the booking with its new receipt (the old one no longer checks in).
    Moved {
        booking: crate::booking::Booking,
    },
    /// Someone was quicker: the next free slots instead.
    Taken {
        alternatives: Vec<crate::booking::SlotOffer>,
    },
    Pending,
    Refused {
        code: crate::api::ProblemCode,
        detail: String,
    },
}

// --- questions and answers ----------------------------------------------------------------

/// A question in the list the FAQ screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqItem {
    pub id: String,
    pub category: crate::faq::FaqCategory,
    pub question: String,
    /// The language the question is shown in: the person's, or its fallback.
    pub lang: crate::Lang,
}
