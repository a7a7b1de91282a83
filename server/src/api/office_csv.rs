//! The day's agenda as a CSV sheet for a spreadsheet: one appointment per line, in Italian
//! headings (the offices' language), times in Italian time.

use sportello_core::calendar;
use sportello_core::model::{Counter, Procedure};
use sportello_core::office::{AgendaEntry, Channel};
use std::collections::HashMap;

const HEADINGS: [&str; 13] = [
    "ora",
    "fine",
    "codice",
    "sportello",
    "procedimento",
    "cognome",
    "nomi",
    "nazionalità",
    "data di nascita",
    "mediatore",
    "canale",
    "stato",
    "numero",
];

/// The sheet, UTF-8 with a byte-order mark (so Excel reads accents right).
pub fn agenda_sheet(
    entries: &[AgendaEntry],
    procedures: &[Procedure],
    counters: &[Counter],
) -> Result<Vec<u8>, csv::Error> {
    let procedures: HashMap<&str, &str> = procedures
        .iter()
        .map(|procedure| {
            (
                procedure.id.as_str(),
                procedure.name.get(sportello_core::Lang::It),
            )
        })
        .collect();
    let counters: HashMap<&str, &str> = counters
        .iter()
        .map(|counter| (counter.id.as_str(), counter.name.as_str()))
        .collect();
    let mut sheet = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    sheet.write_record(HEADINGS)?;
    for entry in entries {
        let booking = &entry.record.booking;
        let person = entry.record.person.as_ref();
        let time = |at: jiff::Timestamp| {
            let local = calendar::office_tz().to_datetime(at);
            format!("{:02}:{:02}", local.hour(), local.minute())
        };
        let channel = match &entry.channel {
            Channel::SelfService => "in autonomia".to_owned(),
            Channel::Kiosk { kiosk_id } => format!("totem {kiosk_id}"),
            Channel::Operator { organization_id } => format!("operatore {organization_id}"),
            Channel::Office => "ufficio".to_owned(),
            Channel::WalkIn => "senza appuntamento".to_owned(),
        };
        let row = [
            time(booking.start),
            time(booking.end),
            sportello_core::booking::display_code(&booking.code),
            lookup(&counters, &booking.counter_id),
            lookup(&procedures, &booking.procedure_id),
            person.map(|p| p.surname.clone()).unwrap_or_default(),
            person.map(|p| p.given_names.clone()).unwrap_or_default(),
            person.map(|p| p.nationality.clone()).unwrap_or_default(),
            person
                .map(|p| p.date_of_birth.to_string())
                .unwrap_or_default(),
            booking.mediator_language.clone().unwrap_or_default(),
            channel,
            entry.day_status.as_str().to_owned(),
            booking
                .queue_number
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ];
        sheet.write_record(row.iter().map(|cell| defused(cell)))?;
    }
    sheet.into_inner().map_err(|err| err.into_error().into())
}

fn lookup(names: &HashMap<&str, &str>, id: &str) -> String {
    names
        .get(id)
        .map_or_else(|| id.to_owned(), |name| (*name).to_owned())
}

/// A cell a spreadsheet would read as a formula gets a leading apostrophe: names come from
/// the public, and `=HYPERLINK(…)` in a surname must stay text.
fn defused(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::defused;

    #[test]
    fn formulas_stay_text() {
        assert_eq!(defused("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("Rossi"), "Rossi");
    }
}
