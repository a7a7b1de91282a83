//! What the booking wizard asks of the kiosk backend: the slots to choose from, a hold on one,
//! the booking. Online every write goes through the outbox and the answer is awaited; with
//! the server out of reach the person is offered the seats this kiosk holds leases on, and
//! booked offline on one of them, never blind.

use crate::client::ServerClient;
use crate::desk::{self, DeskError};
use crate::identity::{self, Identity};
use crate::operator::OperatorDesk;
use crate::outbox::{SharedStore, lock};
use crate::store::{OutboxEntry, OutboxStatus, StoreError, StoredLease};
use jiff::Timestamp;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::booking::{Booking, CitizenProof, ConfirmRequest, Hold, HoldRequest};
use sportello_core::identity::Person;
use sportello_core::kiosk::{
    BookOutcome, CancelOutcome, HoldOutcome, LookupOutcome, RescheduleOutcome, SlotChoice,
    SlotList, SlotSource,
};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// How long a person waits for the server's answer to a hold.
const HOLD_WAIT: Duration = Duration::from_secs(8);
/// And to a confirmation (it may be delivered later, so longer).
const CONFIRM_WAIT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum WizardError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("this kiosk is not enrolled: it cannot book")]
    NotEnrolled,
    #[error("the kiosk's identity cannot be read: {0}")]
    Identity(#[from] identity::IdentityError),
}

/// The wizard's side of the kiosk backend.
#[derive(Clone)]
pub struct Wizard {
    pub store: SharedStore,
    pub client: Arc<ServerClient>,
    /// Wakes the sync engine to deliver the outbox now.
    pub wake: Arc<Notify>,
    pub identity_dir: PathBuf,
    /// The operator logged in here, if any: bookings are then on their behalf.
    pub operators: Arc<OperatorDesk>,
}

fn timestamp(unix: i64) -> Timestamp {
    Timestamp::from_second(unix).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn choice(lease: &StoredLease) -> SlotChoice {
    SlotChoice {
        office_id: lease.office_id.clone(),
        start: timestamp(lease.start),
        end: timestamp(lease.end),
        free: 1,
        lease_id: Some(lease.lease_id.clone()),
    }
}

impl Wizard {
    pub fn new(
        store: SharedStore,
        client: Arc<ServerClient>,
        wake: Arc<Notify>,
        identity_dir: PathBuf,
    ) -> Wizard {
        Wizard {
            operators: Arc::new(OperatorDesk::new(
                client.clone(),
                store.clone(),
                wake.clone(),
            )),
            store,
            client,
            wake,
            identity_dir,
        }
    }

    /// Now, by the kiosk's clock.
    fn now(&self) -> i64 {
        self.client.clock().unix()
    }

    /// Cancels one of the operator's organisation's bookings, on their authority.
    pub async fn cancel_for_operator(
        &self,
        booking: &Booking,
    ) -> Result<CancelOutcome, WizardError> {
        self.identity()?;
        let Some(bearer) = self.operators.bearer() else {
            return Ok(CancelOutcome::Refused {
                code: ProblemCode::Unauthorized,
                detail: "no operator is logged in".to_owned(),
            });
        };
        let mut write = desk::cancel_as_operator(&booking.code, booking.start.as_second());
        write.bearer = Some(bearer);
        let entry = self.send(&write, CONFIRM_WAIT).await?;
        Ok(cancel_outcome(&entry))
    }

    /// A write on the operator's behalf when one is logged in.
    fn on_behalf(&self, mut write: crate::store::NewWrite) -> crate::store::NewWrite {
        write.bearer = self.operators.bearer();
        write
    }

    fn identity(&self) -> Result<Identity, WizardError> {
        identity::load(&self.identity_dir)?.ok_or(WizardError::NotEnrolled)
    }

    /// The seats this kiosk can book offline for a procedure, soonest first.
    pub fn leased(&self, procedure_id: &str) -> Result<Vec<SlotChoice>, WizardError> {
        Ok(
            desk::leased_seats(&self.store, Some(procedure_id), self.now())?
                .iter()
                .map(choice)
                .collect(),
        )
    }

    /// The next free slots: the server's, or with the server out of reach the leased seats.
    pub async fn slots(
        &self,
        procedure_id: &str,
        from: Option<jiff::civil::Date>,
    ) -> Result<SlotList, WizardError> {
        match self.client.availability(procedure_id, from, 60).await {
            Ok(availability) => Ok(SlotList {
                source: SlotSource::Live,
                slots: availability
                    .slots
                    .into_iter()
                    .map(SlotChoice::from)
                    .collect(),
            }),
            Err(err) => {
                tracing::info!(error = %err, "no live slots: offering leased seats");
                Ok(SlotList {
                    source: SlotSource::Leased,
                    slots: self.leased(procedure_id)?,
                })
            }
        }
    }

    /// Writes `write` in the outbox, has it delivered now, and waits for the answer.
    async fn send(
        &self,
        write: &crate::store::NewWrite,
        wait: Duration,
    ) -> Result<OutboxEntry, WizardError> {
        let entry = desk::submit(&self.store, &self.wake, write, self.now())?;
        Ok(desk::wait_for_answer(&self.store, entry.id, wait)
            .await?
            .unwrap_or(entry))
    }

    /// Holds a slot for the person.
    pub async fn hold(&self, request: &HoldRequest) -> Result<HoldOutcome, WizardError> {
        // Only an enrolled kiosk can write: say so now rather than after a wait.
        self.identity()?;
        let write = self.on_behalf(desk::hold(request, self.now()));
        let entry = self.send(&write, HOLD_WAIT).await?;
        let problem = || problem_of(&entry);
        Ok(match entry.status {
            OutboxStatus::Delivered => match parse::<Hold>(&entry) {
                Some(hold) => HoldOutcome::Held { hold },
                None => refused(ProblemCode::Internal, "unreadable answer"),
            },
            OutboxStatus::Rejected => match problem() {
                Some(problem) if problem.code == ProblemCode::SlotTaken => HoldOutcome::Taken {
                    alternatives: problem.alternatives,
                },
                Some(problem) => refused(problem.code, &problem.detail.unwrap_or_default()),
                None => refused(ProblemCode::Internal, "unreadable answer"),
            },
            // Not answered: a hold delivered later would keep a seat nobody waits for.
            OutboxStatus::Pending | OutboxStatus::Abandoned => {
                self.withdraw(entry.id)?;
                HoldOutcome::Offline {
                    leased: self.leased(&request.procedure_id)?,
                }
            }
        })
    }

    /// Gives up a pending write (a hold the person no longer waits for).
    fn withdraw(&self, id: i64) -> Result<(), WizardError> {
        lock(&self.store).finish(id, OutboxStatus::Abandoned, None, self.now())?;
        Ok(())
    }

    /// Releases a hold the person left (delivered whenever the server can be reached).
    pub fn release(&self, hold_id: &str) -> Result<(), WizardError> {
        desk::submit(
            &self.store,
            &self.wake,
            &desk::release(hold_id, self.now()),
            self.now(),
        )?;
        Ok(())
    }

    /// Books the held slot for the person.
    pub async fn confirm(
        &self,
        hold: &Hold,
        request: &ConfirmRequest,
    ) -> Result<BookOutcome, WizardError> {
        // Checked here first: a mistake is shown at once, and never queued.
        let today = sportello_core::calendar::local_date(self.client.clock().now());
        if let Err(fields) = request.person.validated(today) {
            return Ok(BookOutcome::Invalid { fields });
        }
        let write = self.on_behalf(desk::confirm(hold, request));
        let entry = self.send(&write, CONFIRM_WAIT).await?;
        self.outcome_of(&entry)
    }

    /// A confirmation's outcome, asked again after `Pending`.
    pub fn outcome(&self, outbox_id: i64) -> Result<BookOutcome, WizardError> {
        match lock(&self.store).entry(outbox_id)? {
            Some(entry) => self.outcome_of(&entry),
            None => Ok(refused_booking(ProblemCode::NotFound, "no such write")),
        }
    }

    fn outcome_of(&self, entry: &OutboxEntry) -> Result<BookOutcome, WizardError> {
        Ok(match entry.status {
            OutboxStatus::Delivered => match parse::<Booking>(entry) {
                Some(booking) => BookOutcome::Booked { booking },
                None => refused_booking(ProblemCode::Internal, "unreadable answer"),
            },
            OutboxStatus::Rejected => match problem_of(entry) {
                Some(problem) => match problem.code {
                    ProblemCode::AlreadyBooked => BookOutcome::AlreadyBooked {
                        existing: problem.existing.unwrap_or_else(|| {
                            sportello_core::booking::ExistingBooking {
                                code: None,
                                office_id: None,
                                procedure_id: String::new(),
                                start: None,
                            }
                        }),
                    },
                    ProblemCode::HoldExpired => BookOutcome::HoldExpired,
                    ProblemCode::InvalidInput => BookOutcome::Invalid {
                        fields: problem.fields,
                    },
                    code => refused_booking(code, &problem.detail.unwrap_or_default()),
                },
                None => refused_booking(ProblemCode::Internal, "unreadable answer"),
            },
            OutboxStatus::Pending => BookOutcome::Pending {
                outbox_id: entry.id,
            },
            // Its hold ran out before the server could be reached.
            OutboxStatus::Abandoned => BookOutcome::HoldExpired,
        })
    }

    /// A person's own booking, by code and proof (asked of the server: bookings are not kept
    /// on kiosks).
    pub async fn lookup(
        &self,
        code: &str,
        proof: &CitizenProof,
    ) -> Result<LookupOutcome, WizardError> {
        let code = code.trim().to_uppercase();
        if code.is_empty() || code.len() > 16 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Ok(LookupOutcome::NotFound);
        }
        if !proof.well_formed() {
            return Ok(LookupOutcome::NotFound);
        }
        Ok(match self.client.lookup(&code, proof).await {
            Ok(booking) => LookupOutcome::Found { booking },
            Err(crate::client::SyncError::Refused {
                code: Some(ProblemCode::TooManyRequests),
                ..
            }) => LookupOutcome::TooMany,
            Err(crate::client::SyncError::Refused { status, .. }) if status < 500 => {
                LookupOutcome::NotFound
            }
            Err(_) => LookupOutcome::Offline,
        })
    }

    /// Cancels a person's own booking, proven by their date of birth and document.
    pub async fn cancel(
        &self,
        booking: &Booking,
        proof: &CitizenProof,
    ) -> Result<CancelOutcome, WizardError> {
        self.identity()?;
        let write = desk::cancel(&booking.code, proof, booking.start.as_second());
        let entry = self.send(&write, CONFIRM_WAIT).await?;
        Ok(cancel_outcome(&entry))
    }

    /// Moves a booking to another slot: the person's own (proven by their date of birth and
    /// document), or, with an operator logged in and no proof given, one of their
    /// organisation's.
    pub async fn reschedule(
        &self,
        booking: &Booking,
        proof: Option<CitizenProof>,
        office_id: &str,
        start: Timestamp,
    ) -> Result<RescheduleOutcome, WizardError> {
        self.identity()?;
        let on_behalf = proof.is_none();
        let request = sportello_core::booking::RescheduleRequest {
            office_id: office_id.to_owned(),
            start,
            proof,
        };
        let write = desk::reschedule(&booking.code, &request, booking.start.as_second());
        let write = if on_behalf {
            self.on_behalf(write)
        } else {
            write
        };
        let entry = self.send(&write, CONFIRM_WAIT).await?;
        Ok(match entry.status {
            OutboxStatus::Delivered => match parse::<Booking>(&entry) {
                Some(booking) => RescheduleOutcome::Moved { booking },
                None => RescheduleOutcome::Refused {
                    code: ProblemCode::Internal,
                    detail: "unreadable answer".to_owned(),
                },
            },
            OutboxStatus::Pending => RescheduleOutcome::Pending,
            OutboxStatus::Rejected | OutboxStatus::Abandoned => match problem_of(&entry) {
                Some(problem) if problem.code == ProblemCode::SlotTaken => {
                    RescheduleOutcome::Taken {
                        alternatives: problem.alternatives,
                    }
                }
                problem => RescheduleOutcome::Refused {
                    code: problem.as_ref().map_or(ProblemCode::Internal, |p| p.code),
                    detail: problem.and_then(|p| p.detail).unwrap_or_default(),
                },
            },
        })
    }

    /// Books a leased seat offline for the person.
    pub fn book_leased(
        &self,
        lease_id: &str,
        person: &Person,
        mediator_language: Option<String>,
    ) -> Result<BookOutcome, WizardError> {
        let identity = self.identity()?;
        match desk::book_offline(
            &self.store,
            &identity,
            lease_id,
            person,
            mediator_language,
            self.now(),
        ) {
            Ok(booked) => {
                self.wake.notify_one();
                Ok(BookOutcome::BookedOffline {
                    code: booked.code,
                    receipt: booked.receipt,
                    procedure_id: booked.procedure_id,
                    office_id: booked.office_id,
                    start: timestamp(booked.start),
                    end: timestamp(booked.end),
                })
            }
            Err(DeskError::Invalid(fields)) => Ok(BookOutcome::Invalid { fields }),
            Err(DeskError::NoLease { alternatives }) => Ok(BookOutcome::LeaseGone {
                leased: alternatives.iter().map(choice).collect(),
            }),
            Err(DeskError::NotEnrolled) => Err(WizardError::NotEnrolled),
            Err(DeskError::Store(err)) => Err(err.into()),
        }
    }
}

fn cancel_outcome(entry: &OutboxEntry) -> CancelOutcome {
    match entry.status {
        OutboxStatus::Delivered => match parse::<Booking>(entry) {
            Some(booking) => CancelOutcome::Cancelled { booking },
            None => CancelOutcome::Refused {
                code: ProblemCode::Internal,
                detail: "unreadable answer".to_owned(),
            },
        },
        OutboxStatus::Pending => CancelOutcome::Pending,
        OutboxStatus::Rejected | OutboxStatus::Abandoned => {
            let problem = problem_of(entry);
            CancelOutcome::Refused {
                code: problem.as_ref().map_or(ProblemCode::Internal, |p| p.code),
                detail: problem.and_then(|p| p.detail).unwrap_or_default(),
            }
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(entry: &OutboxEntry) -> Option<T> {
    serde_json::from_str(entry.outcome.as_deref()?).ok()
}

fn problem_of(entry: &OutboxEntry) -> Option<Problem> {
    parse(entry)
}

fn refused(code: ProblemCode, detail: &str) -> HoldOutcome {
    HoldOutcome::Refused {
        code,
        detail: detail.to_owned(),
    }
}

fn refused_booking(code: ProblemCode, detail: &str) -> BookOutcome {
    BookOutcome::Refused {
        code,
        detail: detail.to_owned(),
    }
}
