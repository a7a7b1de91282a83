//! The server's notion of "now": the clock shared with the kiosk (`sportello_core::clock`),
//! injectable so tests move time (hold expiry, slot releases, purges) without waiting.

pub use sportello_core::clock::{Clock, ManualClock, SharedClock, SystemClock};
