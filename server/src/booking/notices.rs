//! Telling people that the office moved or cancelled their appointment: the change is
//! recorded for the receipt's page, and a message is queued for the SMS gateway, or for staff
//! to call when there is none. Both are written in the transaction of the move or the
//! cancellation, so a retried change never tells twice.

use super::BookingError;
use crate::db::bookings::{self, BookingRow};
use crate::db::notices::{self, NewNotice};
use crate::state::AppState;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use sportello_core::Lang;
use sportello_core::agenda_change::{ChangeReason, NoticeStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Moved,
    Cancelled,
}

impl ChangeKind {
    fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Moved => "moved",
            ChangeKind::Cancelled => "cancelled",
        }
    }
}

/// Records what the office did to `row` (already moved or cancelled) and why, and queues the
/// message to the person if they left a phone number. Before their details are forgotten.
/// The message is `by_office`'s to send or call about (a move may lead to another office).
pub(super) async fn note_change(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    row: &BookingRow,
    by_office: &str,
    kind: ChangeKind,
    reason: ChangeReason,
    now: i64,
) -> Result<(), BookingError> {
    notices::record_change(tx, &row.id, kind.as_str(), reason, now).await?;
    let Some(phone) = bookings::person_of(tx, &row.id)
        .await?
        .and_then(|person| person.phone)
    else {
        return Ok(());
    };
    let office = crate::db::get_office(tx, &row.office_id)
        .await?
        .map_or_else(|| row.office_id.clone(), |office| office.name);
    // Italian, and the language the person asked a mediator for, if it is another.
    let mut langs = vec![Lang::It];
    if let Some(lang) = row
        .mediator_language
        .as_deref()
        .and_then(|code| code.parse::<Lang>().ok())
        .filter(|lang| *lang != Lang::It)
    {
        langs.push(lang);
    }
    let text = langs
        .iter()
        .map(|lang| sentence(&crate::i18n::messages(*lang), row, &office, kind, reason))
        .collect::<Vec<_>>()
        .join(" / ");
    let status = if state.settings.sms_gateway {
        NoticeStatus::Pending
    } else {
        NoticeStatus::ToCall
    };
    notices::insert(
        tx,
        &NewNotice {
            booking_id: &row.id,
            office_id: by_office,
            code: &row.code,
            phone: &phone,
            text: &text,
            status,
            at: now,
        },
    )
    .await?;
    Ok(())
}

fn sentence(
    t: &FluentLanguageLoader,
    row: &BookingRow,
    office: &str,
    kind: ChangeKind,
    reason: ChangeReason,
) -> String {
    let code = sportello_core::booking::display_code(&row.code);
    let why = t.get(reason.message_id());
    let text = match kind {
        ChangeKind::Moved => {
            let when = jiff::Timestamp::from_second(row.slot_start)
                .map(|at| {
                    sportello_core::calendar::office_tz()
                        .to_datetime(at)
                        .strftime("%d/%m/%Y %H:%M")
                        .to_string()
                })
                .unwrap_or_default();
            fl!(
                t,
                "notice-moved",
                code = code,
                when = when,
                office = office,
                reason = why
            )
        }
        ChangeKind::Cancelled => {
            fl!(
                t,
                "notice-cancelled",
                code = code,
                office = office,
                reason = why
            )
        }
    };
    // A text message has no use for Fluent's direction marks around the values.
    text.replace(['\u{2068}', '\u{2069}'], "")
}
