//! What the handlers and the booking engine share: the database, the clock, the keys, the
//! settings and the caches. The engine takes it from here, not from the HTTP layer.

use crate::api::TrustedProxies;
use crate::auth::limits::Limits;
use crate::booking::Settings;
use crate::booking::Suggestions;
use crate::booking::agenda::PlanCache;
use crate::clock::Clock;
use crate::db::Db;
use crate::keys::ServerKeys;
use std::sync::Arc;

/// What every handler and the engine can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub keys: Arc<ServerKeys>,
    pub settings: Arc<Settings>,
    pub limits: Arc<Limits>,
    /// Agendas' slow-changing parts, by procedure.
    pub plans: Arc<PlanCache>,
    /// Recent "next free slots" suggestions, by procedure.
    pub suggestions: Arc<Suggestions>,
    /// The last free-places snapshot served to kiosks.
    pub slots: Arc<crate::booking::slots::SlotsCache>,
    /// Reverse proxies whose word on the client's address is taken.
    pub proxies: Arc<TrustedProxies>,
    /// Computations requests arriving together share.
    pub flights: Arc<crate::booking::Flights>,
    /// Who follows which office's changes (consoles, displays).
    pub pulses: Arc<crate::pulse::Pulses>,
}
