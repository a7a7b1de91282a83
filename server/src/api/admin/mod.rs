//! Administration: accounts, organisations, kiosks, and the agendas (offices, counters,
//! procedures, dated overrides). Every change to reference data goes through the replication
//! feed, so kiosks see it at their next pull; every change lands in the audit log.

mod agendas;
mod devices;
mod users;

pub use agendas::*;
pub use devices::*;
pub use users::*;

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiJson, ApiPath, ApiQuery, NoParams, slug};
use crate::auth::{self, Actor, Admin, LoggedIn, NewPassword};
use crate::db::audit::{self, AuditEntry};
use crate::db::bookings as stored;
use crate::db::{self, WriteTx, accounts, agenda, kiosks, leases};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::Deserialize;
use sportello_core::account::{NewUser, Organization, PasswordReset, UserInfo};
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::device::{EnrolmentCode, KioskInfo, NewKiosk};
use sportello_core::lease::LeasePolicy;
use sportello_core::model::{Counter, DayOverride, Office, Procedure};
use sportello_core::sync::Record;
use sqlx::AnyConnection;
use utoipa::IntoParams;

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

fn check_path_id(path_id: &str, body_id: &str) -> Result<(), ApiError> {
    slug(path_id)?;
    if path_id == body_id {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "the id in the body differs from the one in the path",
        ))
    }
}
