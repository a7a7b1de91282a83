//! Rate limits on guessing: logins (per username and per address) and the date-of-birth proof
//! citizens give to manage a booking (per booking code and per address). In memory, per
//! server process: a restart forgets them, which costs an attacker a restart they cannot cause.

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

pub struct Limits {
    per_target: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    /// Holds by citizens, per address: holds are free, and a script could otherwise keep a
    /// whole release held. Off when `None`.
    holds: Option<DefaultKeyedRateLimiter<IpAddr>>,
}

impl std::fmt::Debug for Limits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Limits")
    }
}

/// Refused: try again after this long.
#[derive(Debug, Clone, Copy)]
pub struct TooMany(pub Duration);

impl Default for Limits {
    fn default() -> Self {
        Limits::new(30)
    }
}

impl Limits {
    /// With `holds_per_minute` holds a minute per address for citizens (0: no limit).
    pub fn new(holds_per_minute: u32) -> Self {
        let nz = |n: u32| NonZeroU32::new(n).expect("non-zero");
        Limits {
            holds: NonZeroU32::new(holds_per_minute)
                .map(|rate| RateLimiter::keyed(Quota::per_minute(rate).allow_burst(rate))),
            // Five tries on one account or one booking, then one more a minute.
            per_target: RateLimiter::keyed(Quota::per_minute(nz(1)).allow_burst(nz(5))),
            // One address: thirty tries, then one every two seconds.
            per_address: RateLimiter::keyed(
                Quota::with_period(Duration::from_secs(2))
                    .expect("non-zero period")
                    .allow_burst(nz(30)),
            ),
        }
    }

    /// Counts one hold by a citizen from `address`.
    pub fn hold(&self, address: IpAddr) -> Result<(), TooMany> {
        let Some(holds) = &self.holds else {
            return Ok(());
        };
        holds
            .check_key(&address)
            .map_err(|not_until| TooMany(not_until.wait_time_from(DefaultClock::default().now())))
    }

    /// Counts one attempt on `target` (e.g. "login:anna", "proof:K7MX4PRT") from `address`.
    pub fn attempt(&self, target: &str, address: IpAddr) -> Result<(), TooMany> {
        let clock = DefaultClock::default();
        self.per_address
            .check_key(&address)
            .and_then(|()| self.per_target.check_key(&target.to_owned()))
            .map_err(|not_until| TooMany(not_until.wait_time_from(clock.now())))
    }
}
