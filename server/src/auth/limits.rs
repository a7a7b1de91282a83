//! Rate limits on guessing: logins (per username and per address) and the date-of-birth proof
//! citizens give to manage a booking (per booking code and per address). In memory, per
//! server process: a restart forgets them, which costs an attacker a restart they cannot cause.

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use jiff::Timestamp;
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::Duration;

pub struct Limits {
    per_target: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    kiosk_auth: DefaultKeyedRateLimiter<IpAddr>,
    /// Holds by citizens, per address: holds are free, and a script could otherwise keep a
    /// whole release held. Off when `None`.
    holds: Option<DefaultKeyedRateLimiter<IpAddr>>,
    /// Citizens' holds still live, per address: (hold id, expiry). A rate alone would still
    /// let one address keep rate × hold-minutes places.
    live: Mutex<HashMap<IpAddr, Vec<(String, Timestamp)>>>,
    max_live: usize,
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
    /// For citizens, per address: `holds_per_address` holds a minute and live at once (0: no
    /// limit).
    pub fn new(holds_per_address: u32) -> Self {
        let nz = |n: u32| NonZeroU32::new(n).expect("non-zero");
        Limits {
            holds: NonZeroU32::new(holds_per_address)
                .map(|rate| RateLimiter::keyed(Quota::per_minute(rate).allow_burst(rate))),
            live: Mutex::default(),
            max_live: holds_per_address as usize,
            // Five tries on one account or one booking, then one more a minute.
            per_target: RateLimiter::keyed(Quota::per_minute(nz(1)).allow_burst(nz(5))),
            // One address: thirty tries, then one every two seconds.
            per_address: RateLimiter::keyed(
                Quota::with_period(Duration::from_secs(2))
                    .expect("non-zero period")
                    .allow_burst(nz(30)),
            ),
            // Enrolment, challenges and tokens write a row each and need no login: a hundred
            // at once from one address (kiosks of one association behind one router), then
            // two a second.
            kiosk_auth: RateLimiter::keyed(
                Quota::with_period(Duration::from_millis(500))
                    .expect("non-zero period")
                    .allow_burst(nz(100)),
            ),
        }
    }

    /// Counts one enrolment, challenge or token request from `address`.
    pub fn kiosk_auth(&self, address: IpAddr) -> Result<(), TooMany> {
        let clock = DefaultClock::default();
        self.kiosk_auth
            .check_key(&address_key(address))
            .map_err(|not_until| TooMany(not_until.wait_time_from(clock.now())))
    }

    /// Admits one more hold by a citizen from `address` at `now`, or says how long to wait:
    /// until a minute's quota renews, or until one of the address's live holds expires.
    pub fn hold(&self, address: IpAddr, now: Timestamp) -> Result<(), TooMany> {
        let Some(holds) = &self.holds else {
            return Ok(());
        };
        let key = address_key(address);
        {
            let mut live = self
                .live
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let held = live.entry(key).or_default();
            held.retain(|(_, expiry)| *expiry > now);
            if held.len() >= self.max_live {
                let first_expiry = held.iter().map(|(_, expiry)| *expiry).min().unwrap_or(now);
                let wait = first_expiry.duration_since(now).unsigned_abs();
                return Err(TooMany(wait.max(Duration::from_secs(1))));
            }
        }
        holds
            .check_key(&key)
            .map_err(|not_until| TooMany(not_until.wait_time_from(DefaultClock::default().now())))
    }

    /// Notes a citizen's hold that went through.
    pub fn record_hold(&self, address: IpAddr, hold_id: &str, expires_at: Timestamp) {
        if self.holds.is_none() {
            return;
        }
        let mut live = self
            .live
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let held = live.entry(address_key(address)).or_default();
        if !held.iter().any(|(id, _)| id == hold_id) {
            held.push((hold_id.to_owned(), expires_at));
        }
    }

    /// Forgets a hold that was confirmed or released: it no longer counts as live.
    pub fn forget_hold(&self, hold_id: &str) {
        let mut live = self
            .live
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for held in live.values_mut() {
            held.retain(|(id, _)| id != hold_id);
        }
        live.retain(|_, held| !held.is_empty());
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

/// The key an address is limited by: IPv4 as is; IPv6 by its /64, the block one subscriber
/// usually has (they could otherwise rotate through it).
fn address_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => {
            let mut segments = v6.segments();
            segments[4..].fill(0);
            IpAddr::V6(segments.into())
        }
    }
}
