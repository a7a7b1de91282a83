//! Operators of comuni and patronati at a kiosk: logging in, choosing their own password when
//! an administrator gave them a temporary one, their organisation's bookings, logging out.
//!
//! The session lives in memory. It reaches the disk only as the bearer of the outbox entries
//! made on the operator's behalf (erased once answered) and, once ended, as a token to end on
//! the server (struck off when the server confirms). It ends with the app, on "log out", after
//! a working day, and whenever the screens start over (a reload included: the app calls
//! [`OperatorDesk::end`] when the page loads), so the next person at a public terminal never
//! acts as the operator.

use crate::client::{ServerClient, SyncError};
use crate::outbox::{SharedStore, lock};
use sportello_core::account::{PasswordChange, Role, Session, password_acceptable};
use sportello_core::api::ProblemCode;
use sportello_core::booking::BookingRecord;
use sportello_core::kiosk::{LoginOutcome, OperatorBooking, OperatorInfo, PasswordChangeOutcome};
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::Notify;

/// A working day at most, judged by this machine's clock.
const SESSION_SECS: i64 = 8 * 3600;

#[derive(Clone)]
struct OperatorSession {
    token: String,
    expires_at: i64,
    info: OperatorInfo,
}

/// The operator at this kiosk, if any.
pub struct OperatorDesk {
    client: Arc<ServerClient>,
    /// Where writes made on the operator's behalf wait, with the session as their bearer.
    store: SharedStore,
    /// Wakes the sync engine: it ends on the server what a logout could not.
    wake: Arc<Notify>,
    session: Mutex<Option<OperatorSession>>,
    /// Logged in with a temporary password: the session may only change it.
    temporary: Mutex<Option<OperatorSession>>,
}

fn info(session: &Session) -> OperatorInfo {
    OperatorInfo {
        username: session.user.username.clone(),
        organization_id: session.user.organization_id.clone(),
    }
}

impl OperatorDesk {
    pub fn new(client: Arc<ServerClient>, store: SharedStore, wake: Arc<Notify>) -> OperatorDesk {
        OperatorDesk {
            client,
            store,
            wake,
            session: Mutex::default(),
            temporary: Mutex::default(),
        }
    }

    fn now(&self) -> i64 {
        self.client.clock().unix()
    }

    fn current(&self) -> Option<OperatorSession> {
        let mut session = self.session.lock().unwrap_or_else(PoisonError::into_inner);
        if session
            .as_ref()
            .is_some_and(|session| session.expires_at <= self.now())
        {
            *session = None;
        }
        session.clone()
    }

    /// The operator logged in at this kiosk, if any.
    pub fn operator(&self) -> Option<OperatorInfo> {
        self.current().map(|session| session.info)
    }

    /// The session to send writes made on the operator's behalf with.
    pub fn bearer(&self) -> Option<String> {
        self.current().map(|session| session.token)
    }

    /// Logs an operator in: from now on bookings are made on their behalf, recorded for
    /// their organisation. Other accounts (staff, administrators) are refused: a kiosk is
    /// not their desk.
    pub async fn login(&self, username: &str, password: &str) -> LoginOutcome {
        let session = match self.client.login(username, password).await {
            Ok(session) => session,
            Err(SyncError::Refused {
                code: Some(ProblemCode::TooManyRequests),
                ..
            }) => return LoginOutcome::TooMany,
            Err(SyncError::Refused { status, .. }) if status < 500 => {
                return LoginOutcome::Refused;
            }
            Err(_) => return LoginOutcome::Offline,
        };
        if session.user.role != Role::Operator {
            self.client.logout(&session.token).await;
            return LoginOutcome::Refused;
        }
        let operator = info(&session);
        let held = OperatorSession {
            token: session.token,
            expires_at: self.now() + SESSION_SECS,
            info: operator.clone(),
        };
        if session.must_change_password {
            *self
                .temporary
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = Some(held);
            return LoginOutcome::MustChangePassword;
        }
        *self.session.lock().unwrap_or_else(PoisonError::into_inner) = Some(held);
        LoginOutcome::LoggedIn { operator }
    }

    /// Replaces the temporary password the operator logged in with by their own; then they
    /// are logged in.
    pub async fn change_password(&self, old: &str, new: &str) -> PasswordChangeOutcome {
        if !password_acceptable(new) {
            return PasswordChangeOutcome::TooShort;
        }
        let Some(pending) = self
            .temporary
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
        else {
            return PasswordChangeOutcome::NotLoggedIn;
        };
        let change = PasswordChange {
            old_password: old.to_owned(),
            new_password: new.to_owned(),
        };
        match self.client.change_password(&pending.token, &change).await {
            Ok(()) => {}
            Err(SyncError::Refused {
                code: Some(ProblemCode::TooManyRequests),
                ..
            }) => return PasswordChangeOutcome::TooMany,
            Err(SyncError::Refused {
                code: Some(ProblemCode::InvalidInput),
                ..
            }) => return PasswordChangeOutcome::TooShort,
            Err(SyncError::Refused { status, .. }) if status < 500 => {
                return PasswordChangeOutcome::Refused;
            }
            Err(_) => return PasswordChangeOutcome::Offline,
        }
        self.temporary
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let operator = pending.info.clone();
        *self.session.lock().unwrap_or_else(PoisonError::into_inner) = Some(pending);
        PasswordChangeOutcome::Changed { operator }
    }

    /// Takes the sessions out of memory: from now on no one acts as the operator. Each is
    /// written down as ended, so that the server is told even if it cannot be reached now:
    /// the outbox tells it once the writes made on the operator's behalf are answered, or at
    /// its next round if a logout fails. The tokens to end on the server now: those no write
    /// carries (ending one that is carried would have its writes refused as unauthorised).
    fn take_sessions(&self) -> Vec<String> {
        let sessions = [&self.session, &self.temporary]
            .into_iter()
            .filter_map(|held| held.lock().unwrap_or_else(PoisonError::into_inner).take());
        let store = lock(&self.store);
        sessions
            .map(|session| session.token)
            .filter(|token| {
                let recorded = store.end_session_later(token).is_ok();
                // Not written down, or the store cannot say: end it now, the safer of the two.
                !recorded || !matches!(store.carries(token), Ok(true))
            })
            .collect()
    }

    /// Tells the server the sessions ended; what it confirms is struck from the store. What
    /// it could not be told, the sync engine tells it, woken to try.
    async fn end_on_server(
        client: &ServerClient,
        store: &SharedStore,
        wake: &Notify,
        tokens: Vec<String>,
    ) {
        for token in tokens {
            if client.logout(&token).await {
                let _ = lock(store).session_ended(&token);
            } else {
                wake.notify_one();
            }
        }
    }

    /// Ends the operator's session (on "log out").
    pub async fn logout(&self) {
        let tokens = self.take_sessions();
        OperatorDesk::end_on_server(&self.client, &self.store, &self.wake, tokens).await;
    }

    /// Forgets the session at once, telling the server in the background: for when the page
    /// (re)loads, which cannot wait.
    pub fn end(self: &Arc<Self>) {
        let tokens = self.take_sessions();
        if tokens.is_empty() {
            return;
        }
        tracing::info!("the screens started over: the operator's session ends");
        let (client, store, wake) = (self.client.clone(), self.store.clone(), self.wake.clone());
        tauri::async_runtime::spawn(async move {
            OperatorDesk::end_on_server(&client, &store, &wake, tokens).await;
        });
    }

    /// The operator's organisation's bookings from today on, as their list shows them: each
    /// booking and the person's name, nothing more of the person (no document, no phone).
    /// `None` without an operator or a link.
    pub async fn bookings(&self) -> Option<Vec<OperatorBooking>> {
        let session = self.current()?;
        let organization = session.info.organization_id.clone()?;
        let records = self
            .client
            .organization_bookings(&session.token, &organization)
            .await
            .ok()?;
        Some(records.into_iter().map(shown).collect())
    }
}

/// What the operator's list shows of a booking.
fn shown(record: BookingRecord) -> OperatorBooking {
    OperatorBooking {
        name: record
            .person
            .map(|person| format!("{} {}", person.given_names, person.surname))
            .unwrap_or_default(),
        booking: record.booking,
    }
}
