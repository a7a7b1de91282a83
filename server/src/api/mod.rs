//! The HTTP API: `/health` and the versioned JSON API under `/api/v1`.

mod admin;
mod agenda_change;
mod auth;
mod bookings;
pub(crate) mod client_addr;
mod console;
mod directory;
mod error;
mod extract;
mod faq;
mod health;
mod kiosk;
mod office;
mod office_csv;
mod office_stats;
mod openapi;
mod place_page;
mod receipt_page;
mod reference;
mod sync;

pub use client_addr::{ProxyHeader, TrustedProxies};
pub use error::ApiError;
pub use openapi::ApiDoc;

use crate::auth::limits::Limit;
use axum::Router;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{delete, get, post, put};
use sportello_core::api::{Problem, ProblemCode};
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use crate::state::AppState;

/// The limits and password slots as the handlers use them (answers in HTTP terms).
impl AppState {
    /// Counts one attempt against `limit`, or refuses it (429 with how long to wait).
    pub async fn limit(&self, limit: Limit<'_>) -> Result<(), ApiError> {
        Ok(self
            .limits
            .take(&self.db, &self.keys, limit, self.clock.now())
            .await?)
    }

    /// Gives back an attempt counted by [`AppState::limit`] that turned out right.
    pub async fn refund(&self, limit: Limit<'_>) -> Result<(), ApiError> {
        Ok(self
            .limits
            .refund(&self.db, &self.keys, limit, self.clock.now())
            .await?)
    }

    /// Hashes a new password in one of the password-check slots (argon2id's memory counts
    /// against the same cap as a check), refusing one too short or too long.
    pub async fn hash_new_password(
        &self,
        password: String,
    ) -> Result<crate::auth::NewPassword, ApiError> {
        let _slot = self.limits.password_check().await?;
        crate::auth::NewPassword::hash(password)
            .await
            .map_err(auth::account_error)
    }
}

/// Bodies larger than this are refused before they are read.
const MAX_BODY_BYTES: usize = 64 * 1024;
/// A directory import is a whole province's file (the demo's HSDS JSON, 113 places with their
/// translations, is 0.66 MB).
const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;
/// A request that takes longer than this is answered 503 rather than left hanging.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/offices", get(reference::list_offices))
        .route("/offices/{id}", get(reference::get_office))
        .route("/procedures", get(reference::list_procedures))
        .route("/procedures/{id}", get(reference::get_procedure))
        .route("/comuni", get(reference::list_comuni))
        .route("/comuni/{istat}", get(reference::get_comune))
        .route("/counters", get(reference::list_counters))
        .route("/counters/{id}", get(reference::get_counter))
        .route("/organizations", get(admin::list_organizations))
        .route("/sync/changes", get(sync::changes))
        .route("/sync/snapshot", get(sync::snapshot))
        .route("/sync/slots", get(sync::slots))
        .route("/openapi.json", get(openapi::openapi))
        .route("/keys", get(bookings::keys))
        .route("/availability", get(bookings::availability))
        .route("/holds", post(bookings::create_hold))
        .route("/holds/{hold_id}", delete(bookings::release_hold))
        .route("/holds/{hold_id}/confirm", post(bookings::confirm_hold))
        .route("/bookings", get(bookings::list_bookings))
        .route("/bookings/{code}", get(bookings::get_booking))
        .route("/bookings/{code}/lookup", post(bookings::lookup_booking))
        .route("/bookings/{code}/cancel", post(bookings::cancel_booking))
        .route(
            "/bookings/{code}/reschedule",
            post(bookings::reschedule_booking),
        )
        .route("/bookings/{code}/no-show", post(bookings::mark_no_show))
        .route("/checkins", post(bookings::check_in))
        .route("/offices/{id}/agenda", get(office::agenda))
        .route("/offices/{id}/agenda.csv", get(office::agenda_csv))
        .route("/offices/{id}/desk/scan", post(office::scan))
        .route("/offices/{id}/desk/walk-in", post(office::walk_in))
        .route(
            "/offices/{id}/counters/{counter_id}/call-next",
            post(office::call_next),
        )
        .route("/offices/{id}/board", get(office::board))
        .route("/offices/{id}/events", get(office::events))
        .route("/bookings/{code}/recall", post(office::recall))
        .route("/overrides/{id}/impact", post(agenda_change::impact))
        .route("/overrides/{id}/apply", post(agenda_change::apply))
        .route("/offices/{id}/notices", get(agenda_change::open_notices))
        .route("/offices/{id}/stats", get(office_stats::office_stats))
        .route(
            "/offices/{id}/stats.csv",
            get(office_stats::office_stats_csv),
        )
        .route(
            "/offices/{id}/notices/{notice_id}/called",
            post(agenda_change::called),
        )
        .route("/bookings/{code}/served", post(office::served))
        .route("/bookings/{code}/absent", post(office::absent))
        .route("/audit", get(bookings::audit))
        .route("/overrides", get(admin::list_overrides))
        .route(
            "/overrides/{id}",
            put(admin::put_override).delete(admin::delete_override),
        )
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/auth/me", get(auth::me))
        .route("/auth/password", post(auth::change_password))
        .route(
            "/admin/users",
            post(admin::create_user).get(admin::list_users),
        )
        .route("/admin/users/{username}/disable", post(admin::disable_user))
        .route(
            "/admin/users/{username}/password",
            post(admin::reset_password),
        )
        .route("/admin/organizations", post(admin::create_organization))
        .route(
            "/admin/kiosks",
            post(admin::create_kiosk).get(admin::list_kiosks),
        )
        .route(
            "/admin/kiosks/{id}/enrolment",
            post(admin::new_enrolment_code),
        )
        .route("/admin/kiosks/{id}/revoke", post(admin::revoke_kiosk))
        .route(
            "/admin/offices/{id}/lease-policy",
            get(admin::get_lease_policy).put(admin::put_lease_policy),
        )
        .route("/kiosk/enrol", post(kiosk::enrol))
        .route("/kiosk/challenge", post(kiosk::challenge))
        .route("/kiosk/token", post(kiosk::token))
        .route("/kiosk/leases/sync", post(kiosk::sync_leases))
        .route("/kiosk/leases/{lease_id}/book", post(kiosk::book_lease))
        .route("/admin/offices/{id}", put(admin::put_office))
        .route("/admin/counters/{id}", put(admin::put_counter))
        .route("/admin/procedures/{id}", put(admin::put_procedure))
        .route("/faq", get(faq::list))
        .route("/faq/{id}", get(faq::get))
        .route("/admin/faq/{id}", put(faq::put).delete(faq::retire))
        .route("/admin/faq/{id}/texts/{lang}", put(faq::put_text))
        .route("/directory", get(directory::list))
        .route("/admin/directory/hsds", get(directory::export_hsds))
        .route("/admin/directory/csv", get(directory::export_csv))
        .route("/admin/directory/{id}", delete(directory::remove));

    // Imports have their own body limit, so they are served beside the rest, with the same
    // layers otherwise.
    let imports = Router::new()
        .route("/api/v1/admin/directory/import", post(directory::import))
        // axum's own cap on a body read whole (2 MiB) would come first otherwise.
        .layer(axum::extract::DefaultBodyLimit::max(MAX_IMPORT_BYTES))
        .with_state(state.clone());

    // The pages phones open carry a receipt's token in their address: no referrer leaves them,
    // no frame holds them, nothing runs in them but what they are.
    let policy = HeaderValue::from_str(&receipt_page::page_policy())
        .expect("the policy is a valid header value");
    let pages = Router::new()
        .route("/r/{token}", get(receipt_page::page))
        .route("/r/{token}/calendar.ics", get(receipt_page::calendar))
        .route("/p/{id}", get(place_page::page))
        .route(
            "/r/{token}/cancel",
            get(receipt_page::confirm).post(receipt_page::cancel),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            policy,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ));

    // The office console (the UI's browser build) and the waiting-room display.
    let console_policy = HeaderValue::from_static(console::POLICY);
    let console = Router::new()
        .route("/ufficio", get(console::root))
        .route("/ufficio/", get(console::index))
        .route("/ufficio/{*path}", get(console::file))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            console_policy,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ));

    let main = Router::new()
        .route("/health", get(health::health))
        .merge(pages)
        .merge(console)
        .nest("/api/v1", api)
        .fallback(|| async { problem(ProblemCode::NotFound, "no such resource") })
        .method_not_allowed_fallback(|| async {
            problem(ProblemCode::MethodNotAllowed, "method not allowed here")
        })
        .with_state(state);
    layered(main, MAX_BODY_BYTES).merge(layered(imports, MAX_IMPORT_BYTES))
}

/// Every route's layers: problem documents for bare errors, logging by route, the body
/// limit, panics caught, a timeout, compression.
fn layered(router: Router, body_limit: usize) -> Router {
    router.layer(
        tower::ServiceBuilder::new()
            .layer(axum::middleware::from_fn(close_after_refused_body))
            .layer(axum::middleware::map_response(problem_for_bare_errors))
            .layer(
                // Log the route, never the raw URI: query strings may carry personal data.
                TraceLayer::new_for_http().make_span_with(|request: &Request| {
                    let route = request
                        .extensions()
                        .get::<MatchedPath>()
                        .map_or("unmatched", MatchedPath::as_str);
                    tracing::info_span!("request", method = %request.method(), route)
                }),
            )
            .layer(RequestBodyLimitLayer::new(body_limit))
            // No browser guesses a type the server did not say.
            .layer(SetResponseHeaderLayer::overriding(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(CatchPanicLayer::custom(|_panic| {
                problem(ProblemCode::Internal, "the server failed on this request")
            }))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                REQUEST_TIMEOUT,
            ))
            // Small answers (most of the API) are not worth a compressor's set-up cost.
            .layer(
                CompressionLayer::new()
                    .compress_when(DefaultPredicate::new().and(SizeAbove::new(1024))),
            ),
    )
}

/// Who may call is settled before a body is read, so a refusal can leave the rest of a body
/// unread on the connection, which then carries no other request. The client is told so
/// (`Connection: close`) rather than finding it closed under its next request.
async fn close_after_refused_body(request: Request, next: axum::middleware::Next) -> Response {
    let has_body = request.version() <= axum::http::Version::HTTP_11
        && (request.headers().contains_key(header::TRANSFER_ENCODING)
            || request
                .headers()
                .get(header::CONTENT_LENGTH)
                .is_some_and(|length| length != "0"));
    let mut response = next.run(request).await;
    let refused = response.status().is_client_error() || response.status().is_server_error();
    if has_body && refused {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Gives the errors that layers answer by themselves (body too large, timeout) a problem
/// document like every other error.
async fn problem_for_bare_errors<B>(response: axum::http::Response<B>) -> Response
where
    B: axum::body::HttpBody<Data = axum::body::Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value == Problem::CONTENT_TYPE);
    if !is_problem {
        match response.status() {
            StatusCode::PAYLOAD_TOO_LARGE => {
                return problem(ProblemCode::TooLarge, "the request body is too large");
            }
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT => {
                return problem(
                    ProblemCode::Unavailable,
                    "the server took too long; try again",
                );
            }
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                return problem(
                    ProblemCode::InvalidInput,
                    "send JSON with Content-Type: application/json",
                );
            }
            _ => {}
        }
    }
    response.map(axum::body::Body::new)
}

fn problem(code: ProblemCode, detail: &str) -> Response {
    error::problem_response(Problem::new(code, Some(detail.to_owned())))
}
