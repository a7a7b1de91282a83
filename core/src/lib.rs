//! Sportello's domain types and pure logic, shared by the kiosk app, its UI (compiled to
//! wasm32) and the central server. No I/O lives here: everything builds for native and wasm32.

pub mod account;
pub mod agenda_change;
pub mod api;
pub mod booking;
pub mod calendar;
pub mod clock;
pub mod device;
pub mod directory;
pub mod faq;
pub mod identity;
pub mod kiosk;
pub mod lang;
pub mod lease;
pub mod model;
pub mod office;
pub mod office_stats;
pub mod receipt;
pub mod schedule;
pub mod search;
pub mod sync;
pub mod text;

pub use lang::{Direction, Lang};
pub use text::LocalizedText;
