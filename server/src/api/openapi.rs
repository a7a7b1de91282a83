//! The OpenAPI document of the API, generated from the handlers and the core types.

use super::extract::{ApiQuery, NoParams};
use super::{admin, auth, bookings, directory, faq, health, kiosk, reference, sync};
use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sportello central server",
        description = "Reference data, agendas and bookings for the immigration offices of a \
                       province. Errors are application/problem+json with a stable `code`."
    ),
    paths(
        health::health,
        reference::list_offices,
        reference::get_office,
        reference::list_procedures,
        reference::get_procedure,
        reference::list_comuni,
        reference::get_comune,
        reference::list_counters,
        reference::get_counter,
        sync::changes,
        sync::snapshot,
        sync::slots,
        openapi,
        bookings::keys,
        bookings::availability,
        bookings::create_hold,
        bookings::release_hold,
        bookings::confirm_hold,
        bookings::list_bookings,
        bookings::get_booking,
        bookings::lookup_booking,
        bookings::cancel_booking,
        bookings::reschedule_booking,
        bookings::mark_no_show,
        bookings::check_in,
        bookings::audit,
        auth::login,
        auth::logout,
        auth::me,
        auth::change_password,
        admin::reset_password,
        admin::create_user,
        admin::list_users,
        admin::disable_user,
        admin::create_organization,
        admin::list_organizations,
        admin::create_kiosk,
        admin::list_kiosks,
        admin::new_enrolment_code,
        admin::revoke_kiosk,
        admin::get_lease_policy,
        admin::put_lease_policy,
        kiosk::enrol,
        kiosk::challenge,
        kiosk::token,
        kiosk::sync_leases,
        kiosk::book_lease,
        admin::put_office,
        admin::put_counter,
        admin::put_procedure,
        admin::put_override,
        admin::delete_override,
        admin::list_overrides,
        faq::list,
        faq::get,
        faq::put,
        faq::put_text,
        faq::retire,
        directory::list,
        directory::export_hsds,
        directory::export_csv,
        directory::import,
        directory::remove,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "reference", description = "Offices, counters, procedures and comuni"),
        (name = "booking", description = "Availability, holds and bookings"),
        (name = "office", description = "At the office: check-in, no-shows, overrides, audit"),
        (name = "accounts", description = "Login and sessions"),
        (name = "admin", description = "Accounts, kiosks and agendas"),
        (name = "sync", description = "Replication to kiosks"),
        (name = "kiosk", description = "Kiosk enrolment, tokens and slot leases for booking offline"),
        (name = "health", description = "Liveness"),
    )
)]
pub struct ApiDoc;

/// Declares the bearer tokens of logins and kiosks.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A session token from /api/v1/auth/login, or a kiosk token",
                    ))
                    .build(),
            ),
        );
    }
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "health",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi(_: ApiQuery<NoParams>) -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
