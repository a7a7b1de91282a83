//! Rate limits on guessing (logins, the proofs citizens give, kiosk authentication) and on
//! what is free to take (holds), kept in the database: they hold across restarts and across
//! every server process on one PostgreSQL, and they follow the server's clock.
//!
//! Each limit is a GCRA (generic cell rate algorithm) cell: one row per key with its
//! "theoretical arrival time", updated by a single upsert, so two processes never both let the
//! last attempt through. Keys name no one: an address or a username goes through an HMAC with
//! the server's identity key before it is stored, and rows are dropped once they have nothing
//! left to remember.

use crate::db::{Db, DbError};
use jiff::Timestamp;
use std::net::IpAddr;
use std::time::Duration;
use tokio::sync::{Semaphore, SemaphorePermit};

/// How many attempts at once, and how often one more comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub burst: u32,
    pub every: Duration,
}

impl Quota {
    pub const fn new(burst: u32, every: Duration) -> Quota {
        Quota { burst, every }
    }

    fn interval_ms(self) -> i64 {
        i64::try_from(self.every.as_millis())
            .unwrap_or(i64::MAX)
            .max(1)
    }

    /// How far ahead of now the arrival time may run before an attempt is refused.
    fn tolerance_ms(self) -> i64 {
        self.interval_ms()
            .saturating_mul(i64::from(self.burst.saturating_sub(1)))
    }
}

/// Five wrong passwords for one account from one address, then one a minute.
pub const LOGIN_FAILURES: Quota = Quota::new(5, Duration::from_secs(60));
/// Logins from one address, right or wrong: an office behind one router logs in together.
pub const LOGINS_PER_ADDRESS: Quota = Quota::new(30, Duration::from_secs(2));
/// Wrong proofs on one booking from one address: five, then one every twenty minutes. A
/// stranger at one address never uses up the booking's own allowance below, which refills
/// faster, so they cannot lock its owner out.
pub const PROOF_FAILURES_FROM: Quota = Quota::new(5, Duration::from_secs(20 * 60));
/// Wrong proofs on one booking from anywhere: ten, then one every ten minutes. A proof is a
/// date of birth and four characters of a document; for a codice fiscale those follow from
/// the place of birth but for one check letter, so this is what bounds the guessing. Used up
/// (by a stranger at several addresses), it stops the owner too until it refills; the office,
/// or an operator of the organisation that made the booking, acts with no proof at all, and
/// the person is told to ask them.
pub const PROOF_FAILURES: Quota = Quota::new(10, Duration::from_secs(10 * 60));
/// Proofs from one address.
pub const PROOFS_PER_ADDRESS: Quota = Quota::new(30, Duration::from_secs(2));
/// Enrolment, challenges and tokens from one address: kiosks of one association behind one
/// router start together.
pub const KIOSK_AUTH_PER_ADDRESS: Quota = Quota::new(100, Duration::from_millis(500));
/// "Already booked" answers about one person and procedure, to callers without an account:
/// each tells whether an identity has a booking.
pub const ALREADY_BOOKED_PER_PERSON: Quota = Quota::new(5, Duration::from_secs(3600));

/// What a limit counts.
#[derive(Debug, Clone, Copy)]
pub enum Limit<'a> {
    /// Wrong passwords for an account from an address.
    LoginFailures {
        username: &'a str,
        address: IpAddr,
    },
    LoginsFrom(IpAddr),
    /// Wrong proofs on a booking, from an address.
    ProofFailuresFrom {
        code: &'a str,
        address: IpAddr,
    },
    /// Wrong proofs on a booking, from anywhere.
    ProofFailures {
        code: &'a str,
    },
    ProofsFrom(IpAddr),
    KioskAuthFrom(IpAddr),
    /// Holds by people without an account, from an address.
    HoldsFrom(IpAddr),
    /// "Already booked" answers about a person (their opaque person key) and a procedure.
    AlreadyBooked {
        person_key: &'a str,
        procedure_id: &'a str,
    },
}

impl Limit<'_> {
    fn name(&self) -> String {
        match self {
            Limit::LoginFailures { username, address } => {
                format!("login-failures\0{username}\0{}", address_key(*address))
            }
            Limit::LoginsFrom(address) => format!("logins\0{}", address_key(*address)),
            Limit::ProofFailuresFrom { code, address } => {
                format!("proof-failures\0{code}\0{}", address_key(*address))
            }
            Limit::ProofFailures { code } => format!("proof-failures\0{code}"),
            Limit::ProofsFrom(address) => format!("proofs\0{}", address_key(*address)),
            Limit::KioskAuthFrom(address) => format!("kiosk-auth\0{}", address_key(*address)),
            Limit::HoldsFrom(address) => format!("holds\0{}", address_key(*address)),
            Limit::AlreadyBooked {
                person_key,
                procedure_id,
            } => format!("already-booked\0{person_key}\0{procedure_id}"),
        }
    }
}

/// Refused: try again after this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooMany(pub Duration);

#[derive(Debug, thiserror::Error)]
pub enum LimitError {
    #[error("too many attempts; try again in {}s", .0.0.as_secs())]
    TooMany(TooMany),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Every password check slot stayed busy for a while.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the server is busy checking passwords; try again")]
pub struct Busy;

impl From<TooMany> for LimitError {
    fn from(too_many: TooMany) -> Self {
        LimitError::TooMany(too_many)
    }
}

/// How long a request waits for a password check slot before it is told to come back.
const PASSWORD_CHECK_WAIT: Duration = Duration::from_secs(10);

pub struct Limits {
    /// Holds a minute and live at once per address, for people without an account (0: off).
    holds_per_address: u32,
    /// argon2id takes 19 MiB and a core for a while per check: a burst of logins must not
    /// take the machine's memory.
    password_checks: Semaphore,
    /// How long a check waits for a slot before the caller is told to come back.
    password_wait: Duration,
}

impl std::fmt::Debug for Limits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limits")
            .field("holds_per_address", &self.holds_per_address)
            .finish_non_exhaustive()
    }
}

impl Limits {
    pub fn new(holds_per_address: u32) -> Limits {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Limits {
            holds_per_address,
            password_checks: Semaphore::new(cores.max(2)),
            password_wait: PASSWORD_CHECK_WAIT,
        }
    }

    /// Holds a minute, and live at once, per address for people without an account; `None`
    /// when off.
    pub fn holds_per_address(&self) -> Option<u32> {
        (self.holds_per_address > 0).then_some(self.holds_per_address)
    }

    fn quota(&self, limit: &Limit<'_>) -> Quota {
        match limit {
            Limit::LoginFailures { .. } => LOGIN_FAILURES,
            Limit::LoginsFrom(_) => LOGINS_PER_ADDRESS,
            Limit::ProofFailuresFrom { .. } => PROOF_FAILURES_FROM,
            Limit::ProofFailures { .. } => PROOF_FAILURES,
            Limit::ProofsFrom(_) => PROOFS_PER_ADDRESS,
            Limit::KioskAuthFrom(_) => KIOSK_AUTH_PER_ADDRESS,
            Limit::HoldsFrom(_) => {
                let rate = self.holds_per_address.max(1);
                Quota::new(rate, Duration::from_millis(60_000 / u64::from(rate)))
            }
            Limit::AlreadyBooked { .. } => ALREADY_BOOKED_PER_PERSON,
        }
    }

    /// Counts one attempt, or refuses it with how long to wait.
    pub async fn take(
        &self,
        db: &Db,
        keys: &crate::keys::ServerKeys,
        limit: Limit<'_>,
        now: Timestamp,
    ) -> Result<(), LimitError> {
        let quota = self.quota(&limit);
        let key = keys.opaque_key(&limit.name());
        let now_ms = now.as_millisecond();
        let mut tx = db.begin_write().await?;
        let (tat, allowed) = crate::db::limits::take(
            &mut tx,
            &key,
            now_ms,
            quota.interval_ms(),
            quota.tolerance_ms(),
        )
        .await?;
        tx.commit().await?;
        if allowed {
            Ok(())
        } else {
            Err(TooMany(wait(tat, now_ms, quota)).into())
        }
    }

    /// Gives back an attempt [`Limits::take`] counted: for limits on failures (a wrong
    /// password), each attempt is counted before it is judged and given back when it turns out
    /// right. Counting after the judgement would let a burst of guesses sent together all pass
    /// the check before the first failure is written.
    pub async fn refund(
        &self,
        db: &Db,
        keys: &crate::keys::ServerKeys,
        limit: Limit<'_>,
        now: Timestamp,
    ) -> Result<(), LimitError> {
        let quota = self.quota(&limit);
        let key = keys.opaque_key(&limit.name());
        let mut tx = db.begin_write().await?;
        crate::db::limits::refund(&mut tx, &key, now.as_millisecond(), quota.interval_ms()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many password checks could start now.
    pub fn password_checks_free(&self) -> usize {
        self.password_checks.available_permits()
    }

    /// A slot to check a password in; waits a while for one.
    pub async fn password_check(&self) -> Result<SemaphorePermit<'_>, Busy> {
        tokio::time::timeout(self.password_wait, self.password_checks.acquire())
            .await
            .ok()
            .and_then(Result::ok)
            .ok_or(Busy)
    }
}

fn wait(tat: i64, now_ms: i64, quota: Quota) -> Duration {
    let ms = (tat - now_ms - quota.tolerance_ms()).max(1000);
    Duration::from_millis(u64::try_from(ms).unwrap_or(1000))
}

/// The key an address is limited by: IPv4 as is; IPv6 by its /64, the block one subscriber
/// usually has (they could otherwise rotate through it).
pub fn address_key(address: IpAddr) -> IpAddr {
    match crate::api::client_addr::canonical(address) {
        IpAddr::V6(v6) => {
            let mut segments = v6.segments();
            segments[4..].fill(0);
            IpAddr::V6(segments.into())
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_addresses_are_limited_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(address_key(mapped), "192.0.2.7".parse::<IpAddr>().unwrap());
    }

    #[tokio::test]
    async fn password_checks_beyond_the_cap_wait_then_are_told_to_come_back() {
        let limits = Limits {
            holds_per_address: 0,
            password_checks: Semaphore::new(2),
            password_wait: Duration::from_millis(200),
        };
        let first = limits.password_check().await.unwrap();
        let _second = limits.password_check().await.unwrap();
        // A third waits for a slot and, when none frees up in time, is refused.
        assert!(matches!(limits.password_check().await, Err(Busy)));
        // One that frees up while it waits lets it in.
        let (third, ()) = tokio::join!(limits.password_check(), async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            drop(first);
        });
        assert!(third.is_ok());
    }

    #[test]
    fn a_burst_is_allowed_then_one_per_interval() {
        assert_eq!(LOGIN_FAILURES.tolerance_ms(), 4 * 60_000);
        assert_eq!(Quota::new(1, Duration::from_secs(1)).tolerance_ms(), 0);
    }
}
