//! What the wizard remembers between its steps: the draft, and how steps change it.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Procedure,
    Documents,
    Slot,
    Person,
    Mediator,
    Review,
    Receipt,
}

/// The seat chosen: held on the server, or a leased one to book offline.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Chosen {
    Held(Hold),
    Leased(SlotChoice),
}

impl Chosen {
    pub(super) fn office_id(&self) -> &str {
        match self {
            Chosen::Held(hold) => &hold.office_id,
            Chosen::Leased(slot) => &slot.office_id,
        }
    }

    pub(super) fn start(&self) -> i64 {
        match self {
            Chosen::Held(hold) => hold.start.as_second(),
            Chosen::Leased(slot) => slot.start.as_second(),
        }
    }
}

/// The person's details as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct PersonForm {
    pub(super) given_names: String,
    pub(super) surname: String,
    pub(super) date_of_birth: String,
    pub(super) nationality: String,
    /// What is typed to narrow the list of countries (any script: names are matched in the
    /// person's language, in Italian, and by ISO code).
    pub(super) nationality_search: String,
    pub(super) document_kind: String,
    pub(super) document_number: String,
    pub(super) phone: String,
}

impl PersonForm {
    /// The person, or the fields at fault.
    pub(super) fn person(&self) -> Result<Person, Vec<FieldError>> {
        let missing = |field: &str| FieldError {
            field: format!("person.{field}"),
            problem: FieldProblem::Missing,
        };
        // An unreadable date is one problem among the others, all shown at once.
        let parsed_date = format::parse_date(&self.date_of_birth);
        let date_of_birth = parsed_date.unwrap_or(jiff::civil::date(1990, 1, 1));
        let number = self.document_number.trim().to_owned();
        let identity = match self.document_kind.as_str() {
            "codice_fiscale" => Identity::CodiceFiscale { code: number },
            "residence_permit" => Identity::ResidencePermit { number },
            _ => Identity::Passport { number },
        };
        let person = Person {
            given_names: self.given_names.clone(),
            surname: self.surname.clone(),
            date_of_birth,
            nationality: self.nationality.clone(),
            identity,
            phone: Some(self.phone.trim().to_owned()).filter(|phone| !phone.is_empty()),
        };
        // jiff's own clock is not available in the browser: the page's is.
        let now = jiff::Timestamp::from_millisecond(js_sys::Date::now() as i64)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let today = sportello_core::calendar::local_date(now);
        match (person.validated(today), parsed_date) {
            (Ok(person), Some(_)) => Ok(person),
            (Ok(_), None) => Err(vec![missing("date_of_birth")]),
            (Err(mut fields), None) => {
                fields.push(missing("date_of_birth"));
                Err(fields)
            }
            (Err(fields), Some(_)) => Err(fields),
        }
    }
}

/// What was booked, for the receipt screen.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Receipt {
    pub(super) code: String,
    pub(super) token: String,
    pub(super) office_id: String,
    pub(super) start: i64,
    pub(super) offline: bool,
}

/// Something to tell the person, in their language, with the way forward.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Notice {
    Taken,
    Offline,
    AlreadyBooked(ExistingBooking),
    HoldExpired,
    LeaseGone,
    Pending,
    NotEnrolled,
    Failed,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Draft {
    pub(super) procedure: Option<Procedure>,
    pub(super) ticked: BTreeSet<usize>,
    pub(super) slots: Option<SlotList>,
    pub(super) chosen: Option<Chosen>,
    pub(super) person: PersonForm,
    pub(super) errors: Vec<FieldError>,
    pub(super) mediator: Option<String>,
    pub(super) notice: Option<Notice>,
    pub(super) busy: bool,
    pub(super) receipt: Option<Receipt>,
    pub(super) printer: bool,
    /// Where phones open receipts (the server's `/r/`); the QR code is this and the token.
    pub(super) receipt_url: String,
    pub(super) printed: Option<Printed>,
}

/// What became of a print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Printed {
    Done,
    OutOfPaper,
    Failed,
}

impl Draft {
    /// A field being corrected no longer says what was wrong with it.
    pub(super) fn corrected(&mut self, field: &str) {
        let prefix = format!("person.{field}");
        self.errors
            .retain(|error| !error.field.starts_with(&prefix));
    }
}

/// A change to the draft. Applied to the draft as it is when the change lands, not as it was
/// when the callback was made: answers from the backend arrive after other changes.
pub(super) struct Change(pub(super) Box<dyn Fn(&mut Draft)>);

impl Reducible for Draft {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        (change.0)(&mut next);
        Rc::new(next)
    }
}

/// How steps change the draft.
pub(super) type Update = Callback<Box<dyn Fn(&mut Draft)>>;
