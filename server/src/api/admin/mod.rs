//! Administration: accounts, organisations, kiosks, and the agendas (offices, counters,
//! procedures, dated overrides). Every change to reference data goes through the replication
//! feed, so kiosks see it at their next pull; every change lands in the audit log.

mod agendas;
mod devices;
mod users;

pub use agendas::*;
pub use devices::*;
pub use users::*;

use super::error::ApiError;
use super::extract::slug;
use crate::auth::Actor;
use crate::db::audit::{self, AuditEntry};
use sqlx::AnyConnection;

pub(super) async fn audit_admin(
    conn: &mut AnyConnection,
    actor: &Actor,
    action: &str,
    office_id: Option<&str>,
    detail: String,
    at: i64,
) -> Result<(), ApiError> {
    audit::record(
        conn,
        &AuditEntry {
            at,
            actor: actor.label(),
            action: action.to_owned(),
            booking_code: None,
            office_id: office_id.map(str::to_owned),
            organization_id: None,
            detail,
        },
    )
    .await?;
    Ok(())
}

pub(super) fn check_path_id(path_id: &str, body_id: &str) -> Result<(), ApiError> {
    slug(path_id)?;
    if path_id == body_id {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "the id in the body differs from the one in the path",
        ))
    }
}
