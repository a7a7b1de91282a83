//! The OpenAPI document of the API, generated from the handlers and the core types.

use super::extract::{ApiQuery, NoParams};
use super::{
    admin, agenda_change, auth, bookings, directory, faq, health, kiosk, office, office_stats,
    reference, sync,
};
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
        office::agenda,
        office::agenda_csv,
        office::scan,
        office::walk_in,
        office::call_next,
        office::recall,
        office::served,
        office::absent,
        office::board,
        office::events,
        agenda_change::impact,
        agenda_change::apply,
        agenda_change::open_notices,
        agenda_change::called,
        office_stats::office_stats,
        office_stats::office_stats_csv,
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
    components(schemas(sportello_core::Lang, directory::ImportMode)),
    modifiers(&BearerAuth, &StandardResponses),
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

/// The answers every operation can give besides its own, documented on each so a client
/// generated from this document expects them: 400 (a parameter or body refused), 500 and 503
/// (the server's trouble, the database busy or a request too slow); 413 where a body is taken;
/// 401 and 403 where credentials are read (a bad token, an account that may not, a temporary
/// password); 422 where an `Idempotency-Key` is taken (the key reused for another request).
/// Each is a problem document.
struct StandardResponses;

impl utoipa::Modify for StandardResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        let problem = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        sportello_core::api::Problem::CONTENT_TYPE,
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("Problem")))
                            .build(),
                    )
                    .build(),
            )
        };
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                let responses = &mut operation.responses.responses;
                let mut add = |status: &str, description: &str| {
                    responses
                        .entry(status.to_owned())
                        .or_insert_with(|| problem(description));
                };
                add("400", "invalid_input: a parameter or the body is refused");
                add("500", "internal: the server failed (a bug)");
                add(
                    "503",
                    "unavailable: the server or its database is busy; try again",
                );
                if operation.request_body.is_some() {
                    add(
                        "413",
                        "too_large: the body is larger than the server accepts",
                    );
                }
                if operation.security.is_some() {
                    add("401", "unauthorized: no valid token, or it expired");
                    add(
                        "403",
                        "forbidden, or password_change_required for a temporary password",
                    );
                }
                let idempotent = operation.parameters.as_ref().is_some_and(|parameters| {
                    parameters
                        .iter()
                        .any(|parameter| parameter.name == "Idempotency-Key")
                });
                if idempotent {
                    const MISMATCH: &str = "idempotency_mismatch: this Idempotency-Key was used \
                        for a different request";
                    match responses.get_mut("422") {
                        Some(RefOr::T(response)) => {
                            response.description =
                                format!("{}; or {MISMATCH}", response.description);
                        }
                        Some(RefOr::Ref(_)) => {}
                        None => {
                            responses.insert("422".to_owned(), problem(MISMATCH));
                        }
                    }
                }
            }
        }
    }
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "health",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi(_: ApiQuery<NoParams>) -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
